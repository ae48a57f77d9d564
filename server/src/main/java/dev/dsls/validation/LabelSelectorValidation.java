package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ValidateLabelSelector (meta/v1 validation) and the selector requirements it shares with node
 * selector terms, plus matching a selector against labels as LabelSelectorAsSelector does.
 */
final class LabelSelectorValidation {
    /** The operators of one kind of requirement: label selectors lack Gt and Lt. */
    enum Operators {
        LABEL_SELECTOR(Set.of("In", "NotIn", "Exists", "DoesNotExist")),
        NODE_SELECTOR(Set.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"));

        private final Set<String> names;

        Operators(Set<String> names) {
            this.names = names;
        }
    }

    private LabelSelectorValidation() {
    }

    /**
     * Validates a label selector and returns whether it is valid, which is also whether the API
     * server can turn it into a selector (LabelSelectorAsSelector fails on exactly these errors).
     */
    static boolean validateLabelSelector(YMap selector, YamlPath path, String code, FieldErrors errors) {
        if (selector == null) {
            return true;
        }
        int before = errors.diagnostics().size();
        ObjectMetaValidation.validateLabels(Fields.map(selector, "matchLabels"), path.field("matchLabels").toString(),
                path.field("matchLabels"), code, errors);
        List<YNode> expressions = Fields.items(selector, "matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            validateRequirement(Fields.map(expressions.get(i)), path.field("matchExpressions").index(i),
                    Operators.LABEL_SELECTOR, true, code, errors);
        }
        return errors.diagnostics().size() == before;
    }

    /**
     * ValidateLabelSelectorRequirement / ValidateNodeSelectorRequirement: the operator decides how
     * many values there must be; the key is a qualified name; values (when checked) are label values.
     */
    static void validateRequirement(YMap requirement, YamlPath path, Operators operators, boolean checkValues,
                                    String code, FieldErrors errors) {
        if (requirement == null) {
            return;
        }
        String operator = Fields.string(requirement, "operator");
        List<YNode> values = Fields.items(requirement, "values");
        YamlPath valuesPath = path.field("values");
        if (operator != null) {
            switch (operator) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        errors.required(code, Where.at(valuesPath), "must be specified when `operator` is 'In' or"
                                + " 'NotIn'", "List at least one value.");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        errors.forbidden(code, Where.at(valuesPath).onKey(), "may not be specified when `operator`"
                                + " is 'Exists' or 'DoesNotExist'", "Remove the values, or use operator In.");
                    }
                }
                case "Gt", "Lt" -> {
                    if (operators == Operators.NODE_SELECTOR && values.size() != 1) {
                        errors.required(code, Where.at(valuesPath), "must be specified single value when"
                                + " `operator` is 'Lt' or 'Gt'", "Give exactly one integer value.");
                    }
                }
                default -> { }
            }
            if (!operators.names.contains(operator)) {
                errors.invalidString(code, Where.at(path.field("operator")), operator, "not a valid selector operator",
                        "Use one of " + String.join(", ", sorted(operators.names)) + " (case-sensitive).");
            }
        }
        String key = Fields.string(requirement, "key");
        if (key != null) {
            ObjectMetaValidation.validateLabelName(key, Where.at(path.field("key")), code, errors);
        }
        if (checkValues) {
            for (int j = 0; j < values.size(); j++) {
                if (values.get(j) instanceof YScalar value && value.kind() == ScalarKind.STRING) {
                    for (String message : ValidationSyntax.labelValue(value.value())) {
                        errors.invalidString(code, Where.at(valuesPath.index(j)), value.value(), message,
                                "Values are label values: at most 63 letters, digits, '-', '_' and '.'.");
                    }
                }
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }

    /** True when every value of the selector decoded as a string (else the API server never got this far). */
    static boolean isDecodable(YMap selector) {
        YMap matchLabels = Fields.map(selector, "matchLabels");
        if (matchLabels != null && !stringValues(matchLabels)) {
            return false;
        }
        for (YNode expression : Fields.items(selector, "matchExpressions")) {
            YMap map = Fields.map(expression);
            if (map == null || Fields.string(map, "key") == null || Fields.string(map, "operator") == null
                    || Fields.items(map, "values").stream().anyMatch(v -> !Fields.isString(v))) {
                return false;
            }
        }
        return true;
    }

    static boolean stringValues(YMap map) {
        return map.entries().stream().allMatch(entry -> entry.value() instanceof YScalar scalar
                && (scalar.isNull() || scalar.kind() == ScalarKind.STRING));
    }

    /**
     * Whether a valid selector selects the labels. A nil selector selects nothing (labels.Nothing),
     * an empty one everything; requirements are ANDed.
     */
    static boolean matches(YMap selector, YMap labels) {
        if (selector == null) {
            return false;
        }
        YMap matchLabels = Fields.map(selector, "matchLabels");
        if (matchLabels != null) {
            for (YEntry entry : matchLabels.entries()) {
                String want = entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "";
                if (!want.equals(label(labels, entry.name()))) {
                    return false;
                }
            }
        }
        for (YNode expression : Fields.items(selector, "matchExpressions")) {
            YMap requirement = Fields.map(expression);
            String value = label(labels, Fields.string(requirement, "key"));
            List<String> values = GoFormat.texts(Fields.items(requirement, "values"));
            boolean selected = switch (Fields.string(requirement, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!selected) {
                return false;
            }
        }
        return true;
    }

    /** The value of a label ("" for a null value), or null when the label is absent. */
    private static String label(YMap labels, String key) {
        if (labels == null || labels.entry(key) == null) {
            return null;
        }
        return labels.get(key) instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "";
    }
}
