package dev.dsls.validation;

import dev.dsls.yaml.Yaml11;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads manifest fields as the API server's decoder would see them. A YAML null and an absent key
 * both read as Go's zero value. A value of the wrong JSON type is "undecodable": SchemaCheck already
 * reports it, so the readers return null and validation skips it instead of piling a second,
 * misleading error on top (a quoted "9100" containerPort must not also be "Required").
 */
final class Fields {
    private Fields() {
    }

    /** The node under the key, or null when absent or a YAML null (Go's nil). */
    static YNode node(YMap parent, String key) {
        if (parent == null) {
            return null;
        }
        YNode node = parent.get(key);
        return node instanceof YScalar scalar && scalar.isNull() ? null : node;
    }

    static boolean isSet(YMap parent, String key) {
        return node(parent, key) != null;
    }

    static YMap map(YMap parent, String key) {
        return node(parent, key) instanceof YMap map ? map : null;
    }

    static YMap map(YNode node) {
        return node instanceof YMap map ? map : null;
    }

    /** The items of a list field; empty when absent or not a list. */
    static List<YNode> items(YMap parent, String key) {
        return node(parent, key) instanceof YSeq seq ? seq.items() : List.of();
    }

    /** A string field: "" when absent or null, null when the value is not a string. */
    static String string(YMap parent, String key) {
        YNode node = node(parent, key);
        if (node == null) {
            return "";
        }
        return node instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING ? scalar.value() : null;
    }

    /** An integer field: {@code whenAbsent} when absent or null, null when the value is not an integer. */
    static Long integer(YMap parent, String key, long whenAbsent) {
        YNode node = node(parent, key);
        if (node == null) {
            return whenAbsent;
        }
        return node instanceof YScalar scalar ? integerValue(scalar) : null;
    }

    /** A boolean field: false when absent, null, or not a boolean. */
    static boolean isTrue(YMap parent, String key) {
        return node(parent, key) instanceof YScalar scalar && scalar.kind() == ScalarKind.BOOLEAN
                && dev.dsls.yaml.Yaml11.isTrue(scalar.value());
    }

    /** A boolean field that is explicitly false. */
    static boolean isFalse(YMap parent, String key) {
        return node(parent, key) instanceof YScalar scalar && scalar.kind() == ScalarKind.BOOLEAN
                && !dev.dsls.yaml.Yaml11.isTrue(scalar.value());
    }

    /** True for a scalar that decodes as a JSON string. */
    static boolean isString(YNode node) {
        return node instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING;
    }

    /** The number a scalar decodes to, or null for a non-integer or an integer beyond int64. */
    static Long integerValue(YScalar scalar) {
        try {
            if (scalar.kind() == ScalarKind.INTEGER) {
                return parseGoYamlInteger(scalar.value());
            }
            if (scalar.kind() == ScalarKind.FLOAT) {
                BigDecimal decimal = new BigDecimal(scalar.value().replace("_", ""));
                return decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : null;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** go-yaml v2 reads integers with strconv.ParseInt(text, 0, 64) after dropping underscores. */
    private static long parseGoYamlInteger(String text) {
        return Yaml11.goYamlInteger(text).longValueExact();
    }
}
