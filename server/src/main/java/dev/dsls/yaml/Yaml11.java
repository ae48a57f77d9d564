package dev.dsls.yaml;

/** Facts about YAML 1.1 scalars as go-yaml v2 reads them. */
public final class Yaml11 {
    private Yaml11() {
    }

    public static boolean isTrue(String booleanText) {
        return switch (booleanText) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE" -> true;
            default -> false;
        };
    }

    /** The kind a plain (unquoted) scalar with this text resolves to. */
    public static ScalarKind resolvePlain(String text) {
        if (!text.isEmpty() && "~nNyYtTfFoO-+0123456789._".indexOf(text.charAt(0)) < 0) {
            // No null, boolean or number starts with this character: skip the patterns (a hot path
            // when reading thousands of node labels).
            return ScalarKind.STRING;
        }
        if (text.isEmpty() || KubernetesYamlResolver.GO_YAML_NULL.matcher(text).matches()) {
            return ScalarKind.NULL;
        }
        if (KubernetesYamlResolver.GO_YAML_BOOL.matcher(text).matches()) {
            return ScalarKind.BOOLEAN;
        }
        if (KubernetesYamlResolver.GO_YAML_INT.matcher(text).matches()) {
            return ScalarKind.INTEGER;
        }
        if (KubernetesYamlResolver.GO_YAML_FLOAT.matcher(text).matches()) {
            return ScalarKind.FLOAT;
        }
        return ScalarKind.STRING;
    }
}
