package dev.dsls.validation;

import dev.dsls.validation.FieldErrors.Where;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/**
 * Fields the API server silently drops while their feature gate is off (pkg/api/pod/util.go,
 * dropDisabledFields and its drop* helpers): the manifest is accepted, and the pods run without them.
 * Each is a warning on the target version where the field exists but its gate is not yet on by default.
 */
final class DroppedFields {
    static final String FIELD_DROPPED = ValidationCodes.FIELD_DROPPED;

    /** A field under the pod spec ("*" for every item of a list) and the gate that keeps it. */
    private record Gated(String path, FeatureGate gate, String dropFunction) {
    }

    private static final List<Gated> GATED = List.of(
            new Gated("resources", FeatureGate.POD_LEVEL_RESOURCES, "dropDisabledPodLevelResources"),
            new Gated("containers.*.resizePolicy", FeatureGate.IN_PLACE_POD_VERTICAL_SCALING, "dropDisabledFields"),
            new Gated("initContainers.*.resizePolicy", FeatureGate.IN_PLACE_POD_VERTICAL_SCALING, "dropDisabledFields"),
            new Gated("hostUsers", FeatureGate.USER_NAMESPACES_SUPPORT, "dropDisabledFields"),
            new Gated("securityContext.supplementalGroupsPolicy", FeatureGate.SUPPLEMENTAL_GROUPS_POLICY,
                    "dropDisabledFields"),
            new Gated("securityContext.seLinuxChangePolicy", FeatureGate.SE_LINUX_CHANGE_POLICY,
                    "dropSELinuxChangePolicy"),
            new Gated("resourceClaims", FeatureGate.DYNAMIC_RESOURCE_ALLOCATION,
                    "dropDisabledDynamicResourceAllocationFields"),
            new Gated("containers.*.resources.claims", FeatureGate.DYNAMIC_RESOURCE_ALLOCATION,
                    "dropDisabledDynamicResourceAllocationFields"),
            new Gated("volumes.*.image", FeatureGate.IMAGE_VOLUME, "dropImageVolumes"),
            new Gated("hostnameOverride", FeatureGate.HOSTNAME_OVERRIDE, "dropDisabledFields"),
            new Gated("containers.*.env.*.valueFrom.fileKeyRef", FeatureGate.ENV_FILES, "dropFileKeyRefInUse"),
            new Gated("containers.*.restartPolicyRules", FeatureGate.CONTAINER_RESTART_RULES,
                    "dropContainerRestartRules"),
            new Gated("initContainers.*.restartPolicyRules", FeatureGate.CONTAINER_RESTART_RULES,
                    "dropContainerRestartRules"),
            new Gated("containers.*.lifecycle.stopSignal", FeatureGate.CONTAINER_STOP_SIGNALS, "dropContainerStopSignals"));

    private static final YamlPath POD_SPEC = YamlPath.parse("spec.template.spec");

    private DroppedFields() {
    }

    static void warnDropped(YMap daemonSet, FieldErrors errors) {
        YMap podSpec = Fields.map(Fields.map(Fields.map(daemonSet, "spec"), "template"), "spec");
        if (podSpec == null) {
            return;
        }
        for (Gated gated : GATED) {
            if (!errors.gates().enabled(gated.gate())) {
                visit(podSpec, POD_SPEC, gated.path().split("\\."), 0, gated, errors);
            }
        }
    }

    private static void visit(YNode node, YamlPath path, String[] steps, int step, Gated gated, FieldErrors errors) {
        if (step == steps.length) {
            if (errors.existsInTarget(path)) {
                errors.warning(FIELD_DROPPED, Where.at(path).onKey(), String.format("Kubernetes %s drops %s: the %s"
                        + " feature gate is off by default there (%s; %s)", errors.gates().version(), path,
                        gated.gate().upstreamName(), FeatureGates.whenOn(gated.gate()), gated.dropFunction()),
                        "The pods run without it: target a version where the gate is on, turn the gate on in the"
                                + " cluster, or remove the field.");
            }
            return;
        }
        if (steps[step].equals("*")) {
            List<YNode> items = node instanceof dev.dsls.yaml.YSeq seq ? seq.items() : List.of();
            for (int i = 0; i < items.size(); i++) {
                visit(items.get(i), path.index(i), steps, step + 1, gated, errors);
            }
            return;
        }
        YNode child = node instanceof YMap map ? map.get(steps[step]) : null;
        if (child != null) {
            visit(child, path.field(steps[step]), steps, step + 1, gated, errors);
        }
    }
}
