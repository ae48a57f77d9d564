package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.DaemonSetSpecValidation.TEMPLATE;
import static dev.dsls.validation.FieldErrors.Where;

import dev.dsls.schema.NodeLabels;
import dev.dsls.schema.Quantity;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server accepts but answers with a warning (pkg/api/pod/warnings.go,
 * GetWarningsForPodTemplate): kubectl prints these as "Warning: ..." and applies the manifest.
 */
final class ApiWarnings {
    static final Map<String, String> DEPRECATED_NODE_LABELS = NodeLabels.DEPRECATED;
    private static final Map<String, String> DEPRECATED_ANNOTATIONS = Map.of(
            "scheduler.alpha.kubernetes.io/critical-pod",
            "non-functional in v1.16+; use the \"priorityClassName\" field instead",
            "security.alpha.kubernetes.io/sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead",
            "security.alpha.kubernetes.io/unsafe-sysctls",
            "non-functional in v1.11+; use the \"sysctls\" field instead");
    private static final Map<String, String> DEPRECATED_VOLUME_PLUGINS = orderedPlugins();

    private ApiWarnings() {
    }

    private static Map<String, String> orderedPlugins() {
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+");
        plugins.put("gitRepo", "deprecated in v1.11");
        plugins.put("scaleIO", "deprecated in v1.16, non-functional in v1.22+");
        plugins.put("flocker", "deprecated in v1.22, non-functional in v1.25+");
        plugins.put("storageos", "deprecated in v1.22, non-functional in v1.25+");
        plugins.put("quobyte", "deprecated in v1.22, non-functional in v1.25+");
        plugins.put("glusterfs", "deprecated in v1.25, non-functional in v1.26+");
        plugins.put("cephfs", "deprecated in v1.28, non-functional in v1.31+");
        plugins.put("rbd", "deprecated in v1.28, non-functional in v1.31+");
        return plugins;
    }

    static void warningsForPodTemplate(YMap template, FieldErrors errors) {
        YMap podSpec = Fields.map(template, "spec");
        YMap annotations = Fields.map(Fields.map(template, "metadata"), "annotations");
        nodeLabelWarnings(podSpec, errors);
        annotationWarnings(podSpec, annotations, errors);
        volumeWarnings(podSpec, errors);
        duplicateWarnings(podSpec, "hostAliases", "ip", "duplicate ip", errors);
        duplicateWarnings(podSpec, "imagePullSecrets", "name", "duplicate name", errors);
        List<YNode> pullSecrets = Fields.items(podSpec, "imagePullSecrets");
        for (int i = 0; i < pullSecrets.size(); i++) {
            YMap pullSecret = Fields.map(pullSecrets.get(i));
            String name = Fields.string(pullSecret, "name");
            if (pullSecret != null && name != null && name.isEmpty()) {
                errors.warning(ValidationCodes.DUPLICATE_LIST_ENTRY, Where.at(POD_SPEC.field("imagePullSecrets")
                        .index(i).field("name")), "invalid empty name \"\"", "Name the Secret or remove the entry.");
            }
        }
        for (ContainerAt container : containers(podSpec)) {
            fractionalByteWarnings(container, errors);
            duplicateEnvWarnings(container, errors);
        }
        portWarnings(podSpec, errors);
        Long gracePeriod = Fields.integer(podSpec, "terminationGracePeriodSeconds", 30);
        if (gracePeriod != null && gracePeriod < 0) {
            errors.warning(ValidationCodes.NEGATIVE_GRACE_PERIOD, Where.at(POD_SPEC.field("terminationGracePeriodSeconds")),
                    "must be >= 0; negative values are invalid and will be treated as 1", "Use 0 or more seconds.");
        }
        podAffinityWarnings(Fields.map(podSpec, "affinity"), errors);
    }

    /** A container with its path: init containers first, as pods.VisitContainersWithPath visits them. */
    record ContainerAt(YMap container, YamlPath path) {
    }

    static List<ContainerAt> containers(YMap podSpec) {
        List<ContainerAt> all = new ArrayList<>();
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> items = Fields.items(podSpec, list);
            for (int i = 0; i < items.size(); i++) {
                YMap container = Fields.map(items.get(i));
                if (container != null) {
                    all.add(new ContainerAt(container, POD_SPEC.field(list).index(i)));
                }
            }
        }
        return all;
    }

    private static void nodeLabelWarnings(YMap podSpec, FieldErrors errors) {
        String advice = "Nodes of current Kubernetes releases carry the new label.";
        YMap nodeSelector = Fields.map(podSpec, "nodeSelector");
        if (nodeSelector != null) {
            for (YEntry entry : nodeSelector.entries()) {
                String message = DEPRECATED_NODE_LABELS.get(entry.name());
                if (message != null) {
                    errors.warning(ValidationCodes.DEPRECATED_NODE_LABEL, Where.at(POD_SPEC.field("nodeSelector")
                            .key(entry.name())).onKey(), message, advice);
                }
            }
        }
        YMap nodeAffinity = Fields.map(Fields.map(podSpec, "affinity"), "nodeAffinity");
        YamlPath affinityPath = POD_SPEC.field("affinity").field("nodeAffinity");
        List<YNode> terms = Fields.items(Fields.map(nodeAffinity,
                "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms");
        for (int i = 0; i < terms.size(); i++) {
            termWarnings(Fields.map(terms.get(i)), affinityPath.field("requiredDuringSchedulingIgnoredDuringExecution")
                    .field("nodeSelectorTerms").index(i), advice, errors);
        }
        List<YNode> preferred = Fields.items(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
        for (int i = 0; i < preferred.size(); i++) {
            termWarnings(Fields.map(Fields.map(preferred.get(i)), "preference"), affinityPath
                    .field("preferredDuringSchedulingIgnoredDuringExecution").index(i).field("preference"), advice,
                    errors);
        }
        List<YNode> constraints = Fields.items(podSpec, "topologySpreadConstraints");
        for (int i = 0; i < constraints.size(); i++) {
            YMap constraint = Fields.map(constraints.get(i));
            YamlPath path = POD_SPEC.field("topologySpreadConstraints").index(i);
            String key = Fields.string(constraint, "topologyKey");
            if (key != null && DEPRECATED_NODE_LABELS.containsKey(key)) {
                errors.warning(ValidationCodes.DEPRECATED_NODE_LABEL, Where.at(path.field("topologyKey")),
                        key + " is " + DEPRECATED_NODE_LABELS.get(key), advice);
            }
            if (constraint != null && !Fields.isSet(constraint, "labelSelector")) {
                errors.warning(ValidationCodes.NULL_LABEL_SELECTOR, Where.at(path.field("labelSelector")),
                        "a null labelSelector results in matching no pod", "Add a labelSelector matching the"
                                + " template labels.");
            }
        }
    }

    private static void termWarnings(YMap term, YamlPath path, String advice, FieldErrors errors) {
        List<YNode> expressions = Fields.items(term, "matchExpressions");
        for (int j = 0; j < expressions.size(); j++) {
            String key = Fields.string(Fields.map(expressions.get(j)), "key");
            if (key != null && DEPRECATED_NODE_LABELS.containsKey(key)) {
                errors.warning(ValidationCodes.DEPRECATED_NODE_LABEL, Where.at(path.field("matchExpressions").index(j)
                        .field("key")), key + " is " + DEPRECATED_NODE_LABELS.get(key), advice);
            }
        }
    }

    private static void annotationWarnings(YMap podSpec, YMap annotations, FieldErrors errors) {
        if (annotations == null) {
            return;
        }
        YamlPath path = TEMPLATE.field("metadata").field("annotations");
        for (YEntry entry : annotations.entries()) {
            String message = DEPRECATED_ANNOTATIONS.get(entry.name());
            if (message != null) {
                errors.warning(ValidationCodes.DEPRECATED_ANNOTATION, Where.at(path.key(entry.name())).onKey(), message,
                        "Remove the annotation.");
            }
        }
        YMap podContext = Fields.map(podSpec, "securityContext");
        if (annotations.entry("seccomp.security.alpha.kubernetes.io/pod") != null
                && !Fields.isSet(podContext, "seccompProfile")) {
            errors.warning(ValidationCodes.DEPRECATED_ANNOTATION, Where.at(path.key(
                    "seccomp.security.alpha.kubernetes.io/pod")).onKey(), "non-functional in v1.27+; use the"
                    + " \"seccompProfile\" field instead", "Set securityContext.seccompProfile instead.");
        }
        for (ContainerAt container : containers(podSpec)) {
            String name = Fields.string(container.container(), "name");
            YMap context = Fields.map(container.container(), "securityContext");
            String seccompKey = "container.seccomp.security.alpha.kubernetes.io/" + name;
            if (name != null && annotations.entry(seccompKey) != null && !Fields.isSet(context, "seccompProfile")) {
                errors.warning(ValidationCodes.DEPRECATED_ANNOTATION, Where.at(path.key(seccompKey)).onKey(),
                        "non-functional in v1.27+; use the \"seccompProfile\" field instead",
                        "Set the container's securityContext.seccompProfile instead.");
            }
            String appArmorKey = "container.apparmor.security.beta.kubernetes.io/" + name;
            if (name != null && annotations.entry(appArmorKey) != null && !Fields.isSet(context, "appArmorProfile")
                    && !Fields.isSet(podContext, "appArmorProfile")) {
                errors.warning(ValidationCodes.DEPRECATED_ANNOTATION, Where.at(path.key(appArmorKey)).onKey(),
                        "deprecated since v1.30; use the \"appArmorProfile\" field instead",
                        "Set securityContext.appArmorProfile instead.");
            }
        }
    }

    private static void volumeWarnings(YMap podSpec, FieldErrors errors) {
        List<YNode> volumes = Fields.items(podSpec, "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            YMap volume = Fields.map(volumes.get(i));
            for (Map.Entry<String, String> plugin : DEPRECATED_VOLUME_PLUGINS.entrySet()) {
                if (Fields.isSet(volume, plugin.getKey())) {
                    // Upstream prints storageOS with a capital S although the field is storageos.
                    String printed = plugin.getKey().equals("storageos") ? "storageOS" : plugin.getKey();
                    YamlPath volumePath = POD_SPEC.field("volumes").index(i);
                    errors.warning(ValidationCodes.DEPRECATED_VOLUME_PLUGIN, Where.printedAs(
                            volumePath.field(printed).toString(), volumePath.field(plugin.getKey())).onKey(),
                            plugin.getValue(), plugin.getKey().equals("gitRepo")
                                    ? "Clone the repository in an init container into an emptyDir instead."
                                    : "Move to the CSI driver of this storage system.");
                }
            }
        }
    }

    private static void duplicateWarnings(YMap podSpec, String list, String field, String what, FieldErrors errors) {
        List<YNode> items = Fields.items(podSpec, list);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size() && items.size() > 1; i++) {
            String value = Fields.string(Fields.map(items.get(i)), field);
            if (value != null && !seen.add(value)) {
                errors.warning(ValidationCodes.DUPLICATE_LIST_ENTRY, Where.at(POD_SPEC.field(list).index(i)
                        .field(field)), what + " " + GoFormat.quote(value), "Remove the repeated entry.");
            }
        }
    }

    private static void fractionalByteWarnings(ContainerAt container, FieldErrors errors) {
        YMap resources = Fields.map(container.container(), "resources");
        for (String list : List.of("limits", "requests")) {
            for (String resource : List.of("memory", "ephemeral-storage")) {
                if (Fields.node(Fields.map(resources, list), resource) instanceof YScalar scalar
                        && Quantity.isValid(scalar.value()) && !Quantity.parse(scalar.value()).isInteger()) {
                    errors.warning(ValidationCodes.FRACTIONAL_BYTES, Where.at(container.path().field("resources")
                                    .field(list).key(resource)), "fractional byte value " + GoFormat.quote(scalar.value())
                                    + " is invalid, must be an integer",
                            "\"m\" means thousandths, not mega: write " + resource + " in Mi or M.");
                }
            }
        }
    }

    /** A repeated env name that replaces, rather than extends ($(NAME)), the earlier value. */
    private static void duplicateEnvWarnings(ContainerAt container, FieldErrors errors) {
        List<YNode> env = Fields.items(container.container(), "env");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < env.size() && env.size() > 1; i++) {
            YMap variable = Fields.map(env.get(i));
            String name = Fields.string(variable, "name");
            if (variable == null || name == null || seen.add(name)) {
                continue;
            }
            String value = Fields.string(variable, "value");
            String reference = "$(" + name + ")";
            boolean hides = Fields.isSet(variable, "valueFrom") || value == null || value.equals(reference)
                    || !value.contains(reference);
            if (hides) {
                errors.warning(ValidationCodes.DUPLICATE_ENV, Where.at(container.path().field("env").index(i)
                        .field("name")), "hides previous definition of " + GoFormat.quote(name)
                        + ", which may be dropped when using apply", "Keep one definition: server-side apply merges"
                        + " env by name.");
            }
        }
    }

    private record PortAt(YamlPath path, long containerPort, String protocol, long hostPort, String hostIp) {
    }

    /** Ports across all containers that collide on protocol and containerPort, and hostIP without hostPort. */
    private static void portWarnings(YMap podSpec, FieldErrors errors) {
        Map<String, List<PortAt>> byPort = new LinkedHashMap<>();
        for (ContainerAt container : containers(podSpec)) {
            List<YNode> ports = Fields.items(container.container(), "ports");
            for (int i = 0; i < ports.size(); i++) {
                YMap port = Fields.map(ports.get(i));
                Long containerPort = Fields.integer(port, "containerPort", 0);
                Long hostPort = Fields.integer(port, "hostPort", 0);
                String protocol = Defaults.protocol(port);
                String hostIp = Fields.string(port, "hostIP");
                String name = Fields.string(port, "name");
                if (port == null || containerPort == null || hostPort == null || protocol == null || hostIp == null
                        || name == null) {
                    continue;
                }
                YamlPath path = container.path().field("ports").index(i);
                if (!hostIp.isEmpty() && hostPort == 0) {
                    errors.warning(ValidationCodes.HOST_IP_WITHOUT_HOST_PORT, Where.at(path.field("hostIP")),
                            "hostIP set without hostPort: {Name:" + name + " HostPort:0 ContainerPort:" + containerPort
                                    + " Protocol:" + protocol + " HostIP:" + hostIp + "}",
                            "hostIP only matters with a hostPort: add hostPort or remove hostIP.");
                }
                PortAt current = new PortAt(path, containerPort, protocol, hostPort, hostIp);
                List<PortAt> others = byPort.computeIfAbsent(containerPort + "/" + protocol, k -> new ArrayList<>());
                for (PortAt other : others) {
                    String relation = null;
                    if (hostIp.equals(other.hostIp()) && hostPort == other.hostPort()) {
                        relation = "duplicate";
                    } else if (hostPort == 0 || other.hostPort() == 0) {
                        relation = "overlapping";
                    } else if (hostPort == other.hostPort() && hostIp.isEmpty() != other.hostIp().isEmpty()) {
                        relation = "dangerously ambiguous";
                    }
                    if (relation != null) {
                        errors.warning(ValidationCodes.DUPLICATE_PORT, Where.printedAs(path.toString(),
                                path.field("containerPort")), relation + " port definition with " + other.path(),
                                "Declare each container port once.");
                    }
                }
                others.add(current);
            }
        }
    }

    private static void podAffinityWarnings(YMap affinity, FieldErrors errors) {
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            YMap podAffinity = Fields.map(affinity, kind);
            YamlPath path = POD_SPEC.field("affinity").field(kind);
            List<YNode> required = Fields.items(podAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < required.size(); i++) {
                if (Fields.map(required.get(i)) != null && !Fields.isSet(Fields.map(required.get(i)), "labelSelector")) {
                    errors.warning(ValidationCodes.NULL_LABEL_SELECTOR, Where.at(path.field(
                            "requiredDuringSchedulingIgnoredDuringExecution").index(i).field("labelSelector")),
                            "a null labelSelector results in matching no pod", "Add a labelSelector.");
                }
            }
            List<YNode> preferred = Fields.items(podAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                YMap term = Fields.map(Fields.map(preferred.get(i)), "podAffinityTerm");
                if (term != null && !Fields.isSet(term, "labelSelector")) {
                    errors.warning(ValidationCodes.NULL_LABEL_SELECTOR, Where.at(path.field(
                            "preferredDuringSchedulingIgnoredDuringExecution").index(i).field("podAffinityTerm")
                            .field("labelSelector")), "a null labelSelector results in matching no pod",
                            "Add a labelSelector.");
                }
            }
        }
    }
}
