package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_TOPOLOGY_SPREAD;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** validateTopologySpreadConstraints (core validation). */
final class TopologySpreadValidation {
    private static final List<String> WHEN_UNSATISFIABLE = List.of("DoNotSchedule", "ScheduleAnyway");
    private static final List<String> INCLUSION_POLICIES = List.of("Honor", "Ignore");

    private TopologySpreadValidation() {
    }

    static void validateTopologySpreadConstraints(YMap podSpec, FieldErrors errors) {
        YamlPath path = POD_SPEC.field("topologySpreadConstraints");
        List<YNode> constraints = Fields.items(podSpec, "topologySpreadConstraints");
        for (int i = 0; i < constraints.size(); i++) {
            YMap constraint = Fields.map(constraints.get(i));
            if (constraint == null) {
                continue;
            }
            YamlPath itemPath = path.index(i);
            Long maxSkew = Fields.integer(constraint, "maxSkew", 0);
            if (maxSkew != null && maxSkew <= 0) {
                errors.invalid(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field("maxSkew")), Long.toString(maxSkew),
                        "must be greater than zero", "Use 1 or more.");
            }
            String topologyKey = Fields.string(constraint, "topologyKey");
            if (topologyKey != null && topologyKey.isEmpty()) {
                errors.required(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field("topologyKey")), "can not be empty",
                        "Use a node label such as topology.kubernetes.io/zone.");
            } else if (topologyKey != null) {
                ObjectMetaValidation.validateLabelName(topologyKey, Where.at(itemPath.field("topologyKey")),
                        INVALID_TOPOLOGY_SPREAD, errors);
            }
            String action = Fields.string(constraint, "whenUnsatisfiable");
            for (int j = i + 1; j < constraints.size() && topologyKey != null && action != null; j++) {
                YMap other = Fields.map(constraints.get(j));
                if (topologyKey.equals(Fields.string(other, "topologyKey"))
                        && action.equals(Fields.string(other, "whenUnsatisfiable"))) {
                    errors.duplicate(INVALID_TOPOLOGY_SPREAD, Where.printedAs(itemPath.field("{topologyKey,"
                                    + " whenUnsatisfiable}").toString(), itemPath.field("topologyKey")),
                            GoFormat.quote("{" + topologyKey + ", " + action + "}"), "Merge the two constraints.");
                    break;
                }
            }
            if (action != null && !WHEN_UNSATISFIABLE.contains(action)) {
                errors.notSupported(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field("whenUnsatisfiable")),
                        GoFormat.quote(action), WHEN_UNSATISFIABLE, "whenUnsatisfiable has no default: set it.");
            }
            if (Fields.isSet(constraint, "minDomains")) {
                Long minDomains = Fields.integer(constraint, "minDomains", 0);
                if (minDomains != null && minDomains <= 0) {
                    errors.invalid(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field("minDomains")),
                            Long.toString(minDomains), "must be greater than zero", "Use 1 or more.");
                }
                if (minDomains != null && action != null && !action.equals("DoNotSchedule")) {
                    errors.invalid(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field("minDomains")),
                            Long.toString(minDomains), "can only use minDomains if whenUnsatisfiable=DoNotSchedule,"
                                    + " not " + action, "Remove minDomains or use DoNotSchedule.");
                }
            }
            for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                String value = Fields.string(constraint, policy);
                if (value != null && Fields.isSet(constraint, policy) && !INCLUSION_POLICIES.contains(value)) {
                    errors.notSupported(INVALID_TOPOLOGY_SPREAD, Where.at(itemPath.field(policy)),
                            GoFormat.quote(value), INCLUSION_POLICIES, "Values are case-sensitive.");
                }
            }
            LabelSelectorValidation.validateLabelSelector(Fields.map(constraint, "labelSelector"),
                    itemPath.field("labelSelector"), INVALID_TOPOLOGY_SPREAD, errors);
        }
    }
}
