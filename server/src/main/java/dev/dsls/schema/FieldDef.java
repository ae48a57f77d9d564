package dev.dsls.schema;

import java.util.List;

/**
 * One field of a Kubernetes type.
 *
 * @param note         dsls' own DaemonSet-specific explanation, or null
 * @param defaultValue the value the API server fills in when the field is absent, or null
 * @param since        the first supported Kubernetes version that has the field, or null when the oldest has it
 * @param removedIn    the first supported Kubernetes version that no longer has it, or null when the newest has it
 */
public record FieldDef(String name, FieldType type, String description, boolean required, List<String> enumValues,
                       String defaultValue, String note, KubernetesVersion since, KubernetesVersion removedIn) {
    /** True when a cluster of that version knows the field (its decoder does not reject it as unknown). */
    public boolean availableIn(KubernetesVersion version) {
        return (since == null || !version.isBefore(since)) && (removedIn == null || version.isBefore(removedIn));
    }

    /**
     * The versions that have the field, as a message says it: {@code 1.32 and later}, {@code 1.34 and earlier},
     * {@code 1.35 only}, {@code 1.33 to 1.34}; null when every supported version has it.
     */
    public String versions() {
        if (removedIn == null) {
            return since == null ? null : since + " and later";
        }
        KubernetesVersion last = removedIn.previous();
        if (since == null) {
            return last + " and earlier";
        }
        return since.equals(last) ? since + " only" : since + " to " + last;
    }
}
