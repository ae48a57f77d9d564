package dev.dsls.scheduling;

import dev.dsls.yaml.YamlPath;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One label requirement (apimachinery labels.Requirement), compiled once: a key, an operator and
 * values. A requirement that NewRequirement would refuse carries its parse error and never matches.
 */
public final class Requirement {
    /** The operators of node selector and label selector requirements. */
    public enum Operator {
        In, NotIn, Exists, DoesNotExist, Gt, Lt;

        static Operator parse(String text) {
            for (Operator operator : values()) {
                if (operator.name().equals(text)) {
                    return operator;
                }
            }
            return null;
        }
    }

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final String key;
    private final Operator operator;
    private final String operatorText;
    private final List<String> values;
    private final Set<String> valueSet;
    private final long number;
    private final String parseError;
    private final YamlPath path;

    private Requirement(String key, Operator operator, String operatorText, List<String> values, long number,
                        String parseError, YamlPath path) {
        this.key = key;
        this.operator = operator;
        this.operatorText = operatorText;
        this.values = List.copyOf(values);
        this.valueSet = new LinkedHashSet<>(values);
        this.number = number;
        this.parseError = parseError;
        this.path = path;
    }

    /** Compiles a requirement as labels.NewRequirement does, keeping its error instead of throwing. */
    public static Requirement of(String key, String operatorText, List<String> values, YamlPath path) {
        String safeKey = key == null ? "" : key;
        Operator operator = Operator.parse(operatorText);
        String error = null;
        long number = 0;
        String keyError = validateKey(safeKey);
        if (keyError != null) {
            error = keyError;
        } else if (operator == null) {
            error = "operator \"" + operatorText + "\" is not one of In, NotIn, Exists, DoesNotExist, Gt, Lt";
        } else {
            switch (operator) {
                case In, NotIn -> {
                    if (values.isEmpty()) {
                        error = operator + " needs at least one value";
                    }
                }
                case Exists, DoesNotExist -> {
                    if (!values.isEmpty()) {
                        error = operator + " takes no values";
                    }
                }
                case Gt, Lt -> {
                    if (values.size() != 1) {
                        error = operator + " needs exactly one value";
                    } else {
                        try {
                            // strconv.ParseInt(v, 10, 64): a sign and leading zeros are accepted
                            number = Long.parseLong(values.get(0));
                        } catch (NumberFormatException e) {
                            error = operator + " value \"" + values.get(0) + "\" is not an integer";
                        }
                    }
                }
                default -> { }
            }
            if (error == null) {
                for (String value : values) {
                    if (!isLabelValue(value)) {
                        error = "\"" + value + "\" is not a valid label value";
                        break;
                    }
                }
            }
        }
        return new Requirement(safeKey, operator, operatorText, values, number, error, path);
    }

    /** A label value: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside. */
    public static boolean isLabelValue(String value) {
        return value.isEmpty() || value.length() <= 63 && NAME.matcher(value).matches();
    }

    /** A qualified name: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    static String validateKey(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return "key \"" + key + "\" has an invalid prefix";
            }
        }
        if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
            return "key \"" + key + "\" is not a valid label key";
        }
        return null;
    }

    /** Requirement.Matches over a label set. */
    public boolean matches(Map<String, String> labels) {
        if (parseError != null) {
            return false;
        }
        String value = labels.get(key);
        return switch (operator) {
            case In -> value != null && valueSet.contains(value);
            case NotIn -> value == null || !valueSet.contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
            case Gt, Lt -> {
                if (value == null) {
                    yield false;
                }
                long actual;
                try {
                    actual = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    yield false;
                }
                yield operator == Operator.Gt ? actual > number : actual < number;
            }
        };
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    public List<String> values() {
        return values;
    }

    /** The integer of a Gt/Lt requirement. */
    long number() {
        return number;
    }

    /** Why NewRequirement refuses this requirement, or null. */
    public String parseError() {
        return parseError;
    }

    /** Where it is written, relative to the object. */
    public YamlPath path() {
        return path;
    }

    /** As kubectl prints selectors: {@code zone in (a,b)}, {@code !gpu}, {@code cores>4}. */
    @Override
    public String toString() {
        String op = operator == null ? operatorText : operator.name();
        return switch (op == null ? "" : op) {
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "Gt" -> key + ">" + String.join(",", values);
            case "Lt" -> key + "<" + String.join(",", values);
            default -> key + " " + op + " " + values;
        };
    }
}
