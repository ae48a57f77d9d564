package dev.dsls.yaml;

import java.math.BigInteger;
import java.util.Locale;

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

    /**
     * An integer as go-yaml v2 reads it: strconv.ParseInt(text, 0, 64) after dropping underscores, so
     * 0x, 0o and 0b prefixes and a leading 0 (octal) count. Throws NumberFormatException otherwise.
     */
    public static BigInteger goYamlInteger(String text) {
        String plain = text.replace("_", "");
        boolean negative = plain.startsWith("-");
        if (plain.startsWith("-") || plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        int radix = 10;
        String lower = plain.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            plain = plain.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            plain = plain.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            plain = plain.substring(2);
        } else if (plain.length() > 1 && plain.startsWith("0")) {
            radix = 8;
            plain = plain.substring(1);
        }
        BigInteger value = new BigInteger(plain, radix);
        return negative ? value.negate() : value;
    }
}
