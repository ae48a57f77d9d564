package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.ACTIVE_DEADLINE_SECONDS;
import static dev.dsls.validation.ValidationCodes.EMPTY_SELECTOR;
import static dev.dsls.validation.ValidationCodes.INVALID_ROLLING_UPDATE;
import static dev.dsls.validation.ValidationCodes.INVALID_SELECTOR;
import static dev.dsls.validation.ValidationCodes.INVALID_UPDATE_STRATEGY;
import static dev.dsls.validation.ValidationCodes.NEGATIVE_VALUE;
import static dev.dsls.validation.ValidationCodes.RESTART_POLICY;
import static dev.dsls.validation.ValidationCodes.SELECTOR_MISMATCH;

import dev.dsls.validation.Defaults.IntOrString;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet (pkg/apis/apps/validation). */
final class DaemonSetSpecValidation {
    static final YamlPath SPEC = YamlPath.ROOT.field("spec");
    static final YamlPath TEMPLATE = SPEC.field("template");
    static final YamlPath POD_SPEC = TEMPLATE.field("spec");

    private DaemonSetSpecValidation() {
    }

    static void validateDaemonSetSpec(YMap root, FieldErrors errors) {
        YMap spec = Fields.map(root, "spec");
        YMap selector = Fields.map(spec, "selector");
        YMap template = Fields.map(spec, "template");
        YMap templateLabels = Fields.map(Fields.map(template, "metadata"), "labels");

        boolean selectorValid = LabelSelectorValidation.validateLabelSelector(selector, SPEC.field("selector"),
                INVALID_SELECTOR, errors);
        // A template that is not an object failed to decode: nothing below it can be judged.
        boolean templateDecodable = Fields.isSet(spec, "template") == (template != null);
        boolean decodable = (selector == null || LabelSelectorValidation.isDecodable(selector))
                && (templateLabels == null || LabelSelectorValidation.stringValues(templateLabels))
                && (Fields.isSet(spec, "selector") == (selector != null)) && templateDecodable;
        if (selectorValid && decodable && !LabelSelectorValidation.matches(selector, templateLabels)) {
            errors.invalid(SELECTOR_MISMATCH, Where.at(TEMPLATE.field("metadata").field("labels")).onKey(),
                    GoFormat.stringMap(templateLabels), "`selector` does not match template `labels`",
                    mismatchFix(selector, templateLabels));
        }
        if (selector != null && isEmptySelector(selector)) {
            errors.invalid(EMPTY_SELECTOR, Where.at(SPEC.field("selector")),
                    "&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}",
                    "empty selector is invalid for daemonset", "A DaemonSet must select its own pods: add"
                            + " matchLabels such as app: <name> and the same labels to the template.");
        }

        if (templateDecodable) {
            PodTemplateValidation.validatePodTemplateSpec(template, errors);
        }

        // RestartPolicy was first-order validated with the pod spec; a DaemonSet only allows Always.
        YMap podSpec = Fields.map(template, "spec");
        String restartPolicy = Defaults.restartPolicy(podSpec);
        if (restartPolicy != null && !restartPolicy.equals("Always")) {
            errors.notSupported(RESTART_POLICY, Where.at(POD_SPEC.field("restartPolicy")),
                    GoFormat.quote(restartPolicy), List.of("Always"), "DaemonSet pods always restart: remove"
                            + " restartPolicy or set it to Always.");
        }
        if (Fields.isSet(podSpec, "activeDeadlineSeconds")) {
            errors.forbidden(ACTIVE_DEADLINE_SECONDS, Where.at(POD_SPEC.field("activeDeadlineSeconds")).onKey(),
                    "activeDeadlineSeconds in DaemonSet is not Supported", "Remove it: a node agent runs until"
                            + " its node goes away.");
        }
        validateNonnegativeField(spec, "minReadySeconds", SPEC, errors);
        validateDaemonSetUpdateStrategy(Fields.map(spec, "updateStrategy"), SPEC.field("updateStrategy"), errors);
        validateNonnegativeField(spec, "revisionHistoryLimit", SPEC, errors);
    }

    /** How to fix a mismatch: name the first matchLabels entry the template lacks, when there is one. */
    private static String mismatchFix(YMap selector, YMap templateLabels) {
        if (selector == null) {
            return "Add spec.selector.matchLabels with labels the template carries (a missing selector selects"
                    + " nothing in apps/v1).";
        }
        YMap matchLabels = Fields.map(selector, "matchLabels");
        for (YEntry entry : matchLabels == null ? List.<YEntry>of() : matchLabels.entries()) {
            String want = Fields.string(matchLabels, entry.name());
            String have = templateLabels == null || templateLabels.entry(entry.name()) == null ? null
                    : Fields.string(templateLabels, entry.name());
            if (!want.equals(have)) {
                return "The selector requires " + entry.name() + "=" + want + " but the template has "
                        + (have == null ? "no " + entry.name() + " label" : entry.name() + "=" + have)
                        + "; make them equal (the selector cannot be changed after creation).";
            }
        }
        return "Make every matchExpression of spec.selector hold for spec.template.metadata.labels.";
    }

    /** A selector with neither matchLabels nor matchExpressions (an undecodable part counts as present). */
    private static boolean isEmptySelector(YMap selector) {
        YMap matchLabels = Fields.map(selector, "matchLabels");
        boolean noLabels = matchLabels != null ? matchLabels.entries().isEmpty() : !Fields.isSet(selector, "matchLabels");
        boolean noExpressions = Fields.node(selector, "matchExpressions") instanceof YSeq expressions
                ? expressions.items().isEmpty() : !Fields.isSet(selector, "matchExpressions");
        return noLabels && noExpressions;
    }

    /** ValidateNonnegativeField for an optional integer field. */
    static void validateNonnegativeField(YMap parent, String field, YamlPath parentPath, FieldErrors errors) {
        Long value = Fields.integer(parent, field, 0);
        if (value != null && value < 0) {
            errors.invalid(NEGATIVE_VALUE, Where.at(parentPath.field(field)), Long.toString(value),
                    "must be greater than or equal to 0", "Use 0 or a positive number.");
        }
    }

    private static void validateDaemonSetUpdateStrategy(YMap strategy, YamlPath path, FieldErrors errors) {
        String type = Defaults.updateStrategyType(strategy);
        if (type == null) {
            return;
        }
        switch (type) {
            case Defaults.ON_DELETE -> {
                // rollingUpdate is ignored for OnDelete.
            }
            case Defaults.ROLLING_UPDATE -> {
                if (!Fields.isSet(strategy, "rollingUpdate") || Fields.map(strategy, "rollingUpdate") != null) {
                    validateRollingUpdateDaemonSet(Fields.map(strategy, "rollingUpdate"),
                            path.field("rollingUpdate"), errors);
                }
            }
            default -> errors.notSupported(INVALID_UPDATE_STRATEGY, Where.printedAs(path.toString(),
                    path.field("type")), "apps.DaemonSetUpdateStrategy{Type:" + GoFormat.quote(type)
                    + ", RollingUpdate:" + GoFormat.pointer("apps.RollingUpdateDaemonSet",
                    Fields.isSet(strategy, "rollingUpdate")) + "}", List.of(Defaults.ROLLING_UPDATE, Defaults.ON_DELETE),
                    "Use RollingUpdate (replace pods node by node) or OnDelete (replace a pod when you delete it).");
        }
    }

    /**
     * ValidateRollingUpdateDaemonSet, on the defaulted values: each field a non-negative number or a
     * percentage up to 100%, and exactly one of them non-zero.
     */
    private static void validateRollingUpdateDaemonSet(YMap rollingUpdate, YamlPath path, FieldErrors errors) {
        IntOrString maxUnavailable = Defaults.maxUnavailable(rollingUpdate);
        IntOrString maxSurge = Defaults.maxSurge(rollingUpdate);
        YamlPath unavailablePath = path.field("maxUnavailable");
        YamlPath surgePath = path.field("maxSurge");
        validatePositiveIntOrPercent(maxUnavailable, unavailablePath, errors);
        validatePositiveIntOrPercent(maxSurge, surgePath, errors);
        isNotMoreThan100Percent(maxUnavailable, unavailablePath, errors);
        isNotMoreThan100Percent(maxSurge, surgePath, errors);
        if (maxUnavailable == null || maxSurge == null) {
            return;
        }
        boolean hasUnavailable = maxUnavailable.intOrPercentValue() != 0;
        boolean hasSurge = maxSurge.intOrPercentValue() != 0;
        if (hasUnavailable && hasSurge) {
            errors.invalid(INVALID_ROLLING_UPDATE, Where.at(surgePath), maxSurge.print(),
                    "may not be set when maxUnavailable is non-zero", Fields.isSet(rollingUpdate, "maxUnavailable")
                            ? "Set one of them to 0: maxSurge starts the new pod first, maxUnavailable stops the"
                            + " old pod first."
                            : "maxUnavailable defaults to 1: add maxUnavailable: 0 to surge instead.");
        } else if (!hasUnavailable && !hasSurge) {
            errors.required(INVALID_ROLLING_UPDATE, Where.at(unavailablePath), "cannot be 0 when maxSurge is 0",
                    "Let at least one pod be replaced at a time: set maxUnavailable (e.g. 1) or maxSurge above 0.");
        }
    }

    private static void validatePositiveIntOrPercent(IntOrString value, YamlPath path, FieldErrors errors) {
        if (value == null) {
            return;
        }
        if (value.isInt()) {
            if (value.intValue() < 0) {
                errors.invalid(INVALID_ROLLING_UPDATE, Where.at(path), value.print(),
                        "must be greater than or equal to 0", "Use a number of nodes (0 or more) or a percentage.");
            }
        } else {
            for (String message : ValidationSyntax.percent(value.stringValue())) {
                errors.invalid(INVALID_ROLLING_UPDATE, Where.at(path), value.print(), message,
                        "Write a number of nodes without quotes (1) or a percentage (10%).");
            }
        }
    }

    private static void isNotMoreThan100Percent(IntOrString value, YamlPath path, FieldErrors errors) {
        if (value != null && !value.isInt() && ValidationSyntax.percent(value.stringValue()).isEmpty()
                && value.intOrPercentValue() > 100) {
            errors.invalid(INVALID_ROLLING_UPDATE, Where.at(path), value.print(), "must not be greater than 100%",
                    "Use at most 100%.");
        }
    }
}
