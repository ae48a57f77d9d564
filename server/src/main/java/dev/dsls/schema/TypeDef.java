package dev.dsls.schema;

import java.util.Map;

/** A Kubernetes object type and its fields, in the order the API documents them. */
public record TypeDef(String name, String description, Map<String, FieldDef> fields) {
    public FieldDef field(String name) {
        return fields.get(name);
    }
}
