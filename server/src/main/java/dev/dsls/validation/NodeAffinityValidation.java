package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_NODE_AFFINITY;
import static dev.dsls.validation.ValidationCodes.INVALID_POD_AFFINITY;

import dev.dsls.validation.LabelSelectorValidation.Operators;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** validateAffinity: node affinity (ValidateNodeSelector & co.) and pod (anti-)affinity terms. */
final class NodeAffinityValidation {
    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

    private NodeAffinityValidation() {
    }

    static void validateAffinity(YMap affinity, YamlPath path, FieldErrors errors) {
        if (affinity == null) {
            return;
        }
        YMap nodeAffinity = Fields.map(affinity, "nodeAffinity");
        if (nodeAffinity != null) {
            validateNodeAffinity(nodeAffinity, path.field("nodeAffinity"), errors);
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            YMap podAffinity = Fields.map(affinity, kind);
            if (podAffinity != null) {
                validatePodAffinity(podAffinity, path.field(kind), errors);
            }
        }
    }

    private static void validateNodeAffinity(YMap nodeAffinity, YamlPath path, FieldErrors errors) {
        YMap required = Fields.map(nodeAffinity, REQUIRED);
        if (required != null) {
            validateNodeSelector(required, path.field(REQUIRED), errors);
        }
        List<YNode> preferred = Fields.items(nodeAffinity, PREFERRED);
        for (int i = 0; i < preferred.size(); i++) {
            YMap term = Fields.map(preferred.get(i));
            YamlPath termPath = path.field(PREFERRED).index(i);
            validateWeight(term, termPath, INVALID_NODE_AFFINITY, errors);
            // Preferred terms keep accepting values that are not label values (upstream passes allowInvalid).
            validateNodeSelectorTerm(Fields.map(term, "preference"), termPath.field("preference"), false, errors);
        }
    }

    /** ValidateNodeSelector: at least one term; the terms are ORed. */
    private static void validateNodeSelector(YMap selector, YamlPath path, FieldErrors errors) {
        List<YNode> terms = Fields.items(selector, "nodeSelectorTerms");
        YamlPath termsPath = path.field("nodeSelectorTerms");
        if (terms.isEmpty()) {
            errors.required(INVALID_NODE_AFFINITY, Where.at(termsPath), "must have at least one node selector term",
                    "Add a term with matchExpressions, or remove requiredDuringSchedulingIgnoredDuringExecution.");
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            validateNodeSelectorTerm(Fields.map(terms.get(i)), termsPath.index(i), true, errors);
        }
    }

    private static void validateNodeSelectorTerm(YMap term, YamlPath path, boolean checkValues, FieldErrors errors) {
        List<YNode> expressions = Fields.items(term, "matchExpressions");
        for (int j = 0; j < expressions.size(); j++) {
            LabelSelectorValidation.validateRequirement(Fields.map(expressions.get(j)),
                    path.field("matchExpressions").index(j), Operators.NODE_SELECTOR, checkValues,
                    INVALID_NODE_AFFINITY, errors);
        }
        List<YNode> fields = Fields.items(term, "matchFields");
        for (int j = 0; j < fields.size(); j++) {
            validateNodeFieldSelectorRequirement(Fields.map(fields.get(j)), path.field("matchFields").index(j), errors);
        }
    }

    /** ValidateNodeFieldSelectorRequirement: only metadata.name, with In or NotIn and one node name. */
    private static void validateNodeFieldSelectorRequirement(YMap requirement, YamlPath path, FieldErrors errors) {
        if (requirement == null) {
            return;
        }
        String operator = Fields.string(requirement, "operator");
        List<YNode> values = Fields.items(requirement, "values");
        if (operator != null && (operator.equals("In") || operator.equals("NotIn"))) {
            if (values.size() != 1) {
                errors.required(INVALID_NODE_AFFINITY, Where.at(path.field("values")), "must be only one value when"
                        + " `operator` is 'In' or 'NotIn' for node field selector", "Give exactly one node name.");
            }
        } else if (operator != null) {
            errors.invalidString(INVALID_NODE_AFFINITY, Where.at(path.field("operator")), operator,
                    "not a valid selector operator", "matchFields takes In or NotIn.");
        }
        String key = Fields.string(requirement, "key");
        if (key == null) {
            return;
        }
        if (!key.equals("metadata.name")) {
            errors.invalidString(INVALID_NODE_AFFINITY, Where.at(path.field("key")), key,
                    "not a valid field selector key", "matchFields only knows metadata.name; use matchExpressions"
                            + " for node labels.");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof YScalar scalar && Fields.isString(scalar)) {
                for (String message : ValidationSyntax.nameIsDnsSubdomain(scalar.value(), false)) {
                    errors.invalidString(INVALID_NODE_AFFINITY, Where.at(path.field("values").index(i)),
                            scalar.value(), message, "Node names are lower-case DNS names.");
                }
            }
        }
    }

    private static void validateWeight(YMap term, YamlPath termPath, String code, FieldErrors errors) {
        Long weight = Fields.integer(term, "weight", 0);
        if (term != null && weight != null && (weight <= 0 || weight > 100)) {
            errors.invalid(code, Where.at(termPath.field("weight")), Long.toString(weight), "must be in the range"
                    + " 1-100", "Weights are 1-100; a higher weight matters more.");
        }
    }

    private static void validatePodAffinity(YMap podAffinity, YamlPath path, FieldErrors errors) {
        List<YNode> required = Fields.items(podAffinity, REQUIRED);
        for (int i = 0; i < required.size(); i++) {
            validatePodAffinityTerm(Fields.map(required.get(i)), path.field(REQUIRED).index(i), errors);
        }
        List<YNode> preferred = Fields.items(podAffinity, PREFERRED);
        for (int i = 0; i < preferred.size(); i++) {
            YMap weighted = Fields.map(preferred.get(i));
            YamlPath termPath = path.field(PREFERRED).index(i);
            validateWeight(weighted, termPath, INVALID_POD_AFFINITY, errors);
            validatePodAffinityTerm(Fields.map(weighted, "podAffinityTerm"), termPath.field("podAffinityTerm"), errors);
        }
    }

    /**
     * validatePodAffinityTerm: selectors as label selectors, namespaces as DNS labels (quirk: printed
     * at {@code .namespace}), and a topologyKey that is required and a qualified name.
     */
    private static void validatePodAffinityTerm(YMap term, YamlPath path, FieldErrors errors) {
        if (term == null) {
            return;
        }
        LabelSelectorValidation.validateLabelSelector(Fields.map(term, "labelSelector"), path.field("labelSelector"),
                INVALID_POD_AFFINITY, errors);
        LabelSelectorValidation.validateLabelSelector(Fields.map(term, "namespaceSelector"),
                path.field("namespaceSelector"), INVALID_POD_AFFINITY, errors);
        List<YNode> namespaces = Fields.items(term, "namespaces");
        for (int i = 0; i < namespaces.size(); i++) {
            if (namespaces.get(i) instanceof YScalar scalar && Fields.isString(scalar)) {
                for (String message : ValidationSyntax.dns1123Label(scalar.value())) {
                    errors.invalidString(INVALID_POD_AFFINITY, Where.printedAs(path.field("namespace").toString(),
                            path.field("namespaces").index(i)), scalar.value(), message, "Namespaces are DNS labels.");
                }
            }
        }
        String topologyKey = Fields.string(term, "topologyKey");
        if (topologyKey == null) {
            return;
        }
        if (topologyKey.isEmpty()) {
            errors.required(INVALID_POD_AFFINITY, Where.at(path.field("topologyKey")), "can not be empty",
                    "Use a node label such as kubernetes.io/hostname.");
        }
        ObjectMetaValidation.validateLabelName(topologyKey, Where.at(path.field("topologyKey")), INVALID_POD_AFFINITY,
                errors);
    }
}
