package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_TOLERATION;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/**
 * ValidateTolerations (core validation, 1.35+ form). Quirk kept from upstream: a bad value, and a
 * value given with operator Exists, are both reported at {@code .operator}.
 */
final class TolerationValidation {
    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private TolerationValidation() {
    }

    static void validateTolerations(List<YNode> tolerations, YamlPath path, FieldErrors errors) {
        for (int i = 0; i < tolerations.size(); i++) {
            YMap toleration = Fields.map(tolerations.get(i));
            if (toleration != null) {
                validateToleration(toleration, path.index(i), errors);
            }
        }
    }

    private static void validateToleration(YMap toleration, YamlPath path, FieldErrors errors) {
        String key = Fields.string(toleration, "key");
        String operator = Fields.string(toleration, "operator");
        String value = Fields.string(toleration, "value");
        String effect = Fields.string(toleration, "effect");
        if (key == null || operator == null || value == null || effect == null) {
            return;
        }
        Where operatorWhere = Where.at(path.field("operator"));
        if (!key.isEmpty()) {
            ObjectMetaValidation.validateLabelName(key, Where.at(path.field("key")), INVALID_TOLERATION, errors);
        }
        if (key.isEmpty() && !operator.equals("Exists")) {
            errors.invalidString(INVALID_TOLERATION, operatorWhere, operator, "operator must be Exists when `key` is"
                    + " empty, which means \"match all values and all keys\"", "Add operator: Exists to tolerate"
                    + " every taint, or give the taint's key.");
        }
        if (Fields.isSet(toleration, "tolerationSeconds") && !effect.equals("NoExecute")) {
            errors.invalidString(INVALID_TOLERATION, Where.at(path.field("effect")), effect, "effect must be"
                    + " 'NoExecute' when `tolerationSeconds` is set", "tolerationSeconds only bounds how long a"
                    + " pod stays after a NoExecute taint appears: set effect: NoExecute or remove it.");
        }
        switch (operator) {
            case "Equal", "" -> {
                List<String> messages = ValidationSyntax.labelValue(value);
                if (!messages.isEmpty()) {
                    errors.invalidString(INVALID_TOLERATION, Where.printedAs(operatorWhere.field(),
                            path.field("value")), value, String.join(";", messages),
                            "The value must match the taint's value, which is a label value.");
                }
            }
            case "Exists" -> {
                if (!value.isEmpty()) {
                    errors.invalidString(INVALID_TOLERATION, Where.printedAs(operatorWhere.field(),
                            path.field("value")), value, "value must be empty when `operator` is 'Exists'",
                            "Remove value, or use operator: Equal.");
                }
            }
            // TaintTolerationComparisonOperators is alpha (off) in 1.36: Lt and Gt are refused, listing all four.
            case "Lt", "Gt" -> errors.notSupported(INVALID_TOLERATION, operatorWhere, GoFormat.quote(operator),
                    List.of("Equal", "Exists", "Lt", "Gt"), "Numeric comparison of taint values is an alpha feature"
                            + " that is off by default: use Equal or Exists.");
            default -> errors.notSupported(INVALID_TOLERATION, operatorWhere, GoFormat.quote(operator),
                    List.of("Equal", "Exists"), "Operators are case-sensitive.");
        }
        if (!effect.isEmpty() && !EFFECTS.contains(effect)) {
            String suggestion = dev.dsls.diagnostics.Suggestions.closest(effect, EFFECTS);
            errors.notSupported(INVALID_TOLERATION, Where.at(path.field("effect")), GoFormat.quote(effect), EFFECTS,
                    suggestion != null ? "Did you mean " + suggestion + "?" : "Leave effect empty to match all effects.");
        }
    }
}
