package dev.dsls.schema;

import java.util.List;

/**
 * One field of a Kubernetes type.
 *
 * @param note         dsls' own DaemonSet-specific explanation, or null
 * @param defaultValue the value the API server fills in when the field is absent, or null
 */
public record FieldDef(String name, FieldType type, String description, boolean required, List<String> enumValues,
                       String defaultValue, String note) {
}
