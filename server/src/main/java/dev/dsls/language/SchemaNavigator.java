package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.FieldType;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.TypeDef;
import java.util.List;

/** Follows a cursor path (keys and list items) through the DaemonSet schema of one Kubernetes version. */
final class SchemaNavigator {
    private SchemaNavigator() {
    }

    /** The type of the value at the path, or null when the path leaves the schema or the version's fields. */
    static FieldType typeAt(KubernetesSchema schema, List<String> path, KubernetesVersion version) {
        FieldType current = new FieldType(FieldType.Kind.OBJECT, schema.root().name(), null);
        for (String step : path) {
            if (current == null) {
                return null;
            }
            if (step.equals(CursorContext.ITEM)) {
                current = current.kind() == FieldType.Kind.ARRAY ? current.element() : null;
            } else if (current.kind() == FieldType.Kind.MAP) {
                current = current.element();
            } else if (current.kind() == FieldType.Kind.OBJECT) {
                TypeDef type = schema.type(current.ref());
                FieldDef field = type == null ? null : type.field(step);
                current = field == null || !field.availableIn(version) ? null : field.type();
            } else {
                return null;
            }
        }
        return current;
    }

    /**
     * The field a key at the end of the path names, or null; also a field of other versions than this one
     * (whose documentation says so), as long as the path to it is in this version.
     */
    static FieldDef fieldAt(KubernetesSchema schema, List<String> parentPath, String key, KubernetesVersion version) {
        FieldType parent = typeAt(schema, parentPath, version);
        if (parent == null || parent.kind() != FieldType.Kind.OBJECT) {
            return null;
        }
        TypeDef type = schema.type(parent.ref());
        return type == null ? null : type.field(key);
    }

    /** True when the path ends with the given keys (list items skipped), e.g. "nodeSelector". */
    static boolean endsWith(List<String> path, String... keys) {
        List<String> named = path.stream().filter(step -> !step.equals(CursorContext.ITEM)).toList();
        if (named.size() < keys.length) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!named.get(named.size() - keys.length + i).equals(keys[i])) {
                return false;
            }
        }
        return true;
    }
}
