package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.CONTAINER_RESTART_POLICY;
import static dev.dsls.validation.ValidationCodes.DUPLICATE_CONTAINER_NAME;
import static dev.dsls.validation.ValidationCodes.DUPLICATE_HOST_PORT;
import static dev.dsls.validation.ValidationCodes.DUPLICATE_PORT_NAME;
import static dev.dsls.validation.ValidationCodes.INIT_CONTAINER_FIELD;
import static dev.dsls.validation.ValidationCodes.INVALID_CONTAINER_NAME;
import static dev.dsls.validation.ValidationCodes.INVALID_PORT;
import static dev.dsls.validation.ValidationCodes.INVALID_PULL_POLICY;
import static dev.dsls.validation.ValidationCodes.INVALID_RESIZE_POLICY;
import static dev.dsls.validation.ValidationCodes.INVALID_TERMINATION_MESSAGE_POLICY;
import static dev.dsls.validation.ValidationCodes.INVALID_VOLUME_MOUNT;
import static dev.dsls.validation.ValidationCodes.MISSING_CONTAINERS;
import static dev.dsls.validation.ValidationCodes.MISSING_IMAGE;
import static dev.dsls.validation.ValidationCodes.MISSING_VOLUME;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * validateContainers, validateInitContainers and validateContainerCommon (core validation), with
 * the container restart rules of 1.35+ (ContainerRestartRules is beta and on by default): a regular
 * container may set restartPolicy Always, OnFailure or Never, an init container Always (a sidecar),
 * OnFailure or Never, and restartPolicyRules need an explicit restartPolicy.
 */
final class ContainerValidation {
    static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    static final List<String> MOUNT_PROPAGATIONS = List.of("Bidirectional", "HostToContainer", "None");
    /** supportedContainerRestartPolicies, sorted as sets.List prints them. */
    static final List<String> CONTAINER_RESTART_POLICIES = List.of("Always", "Never", "OnFailure");
    static final int MAX_RESTART_POLICY_RULES = 20;
    static final int MAX_EXIT_CODES = 255;
    private static final List<String> RESIZE_RESOURCES = List.of("cpu", "memory");
    private static final List<String> RESIZE_RESTART_POLICIES = List.of("NotRequired", "RestartContainer");

    private ContainerValidation() {
    }

    static void validateContainers(YMap podSpec, Map<String, YMap> volumes, Set<String> podClaimNames,
                                   FieldErrors errors) {
        YamlPath path = POD_SPEC.field("containers");
        List<YNode> containers = Fields.items(podSpec, "containers");
        if (containers.isEmpty()) {
            errors.required(MISSING_CONTAINERS, Where.at(path), "", "Add at least one container with a name and"
                    + " an image.");
            return;
        }
        Set<String> names = new HashSet<>();
        Long gracePeriod = Defaults.terminationGracePeriodSeconds(podSpec);
        for (int i = 0; i < containers.size(); i++) {
            YMap container = Fields.map(containers.get(i));
            if (container == null) {
                continue;
            }
            YamlPath containerPath = path.index(i);
            validateContainerCommon(podSpec, container, volumes, podClaimNames, containerPath, errors);
            String name = Fields.string(container, "name");
            if (name != null && !names.add(name)) {
                errors.duplicate(DUPLICATE_CONTAINER_NAME, Where.at(containerPath.field("name")), GoFormat.quote(name),
                        "Give every container its own name.");
            }
            ProbeValidation.validateLifecycle(Fields.map(container, "lifecycle"), gracePeriod,
                    containerPath.field("lifecycle"), errors);
            ProbeValidation.validateProbes(container, gracePeriod, containerPath, errors);
            validateContainerRestartPolicy(container, containerPath, errors);
        }
        accumulateUniqueHostPorts(containers, path, 0, errors);
    }

    /**
     * validateInitContainers: common checks, names unique across init and regular containers, host
     * ports checked per init container (they run one after another), probes only for sidecars, and
     * validateInitContainerRestartPolicy.
     */
    static void validateInitContainers(YMap podSpec, Map<String, YMap> volumes, Set<String> podClaimNames,
                                       FieldErrors errors) {
        YamlPath path = POD_SPEC.field("initContainers");
        Set<String> names = new HashSet<>();
        for (YNode container : Fields.items(podSpec, "containers")) {
            String name = Fields.string(Fields.map(container), "name");
            if (name != null) {
                names.add(name);
            }
        }
        Long gracePeriod = Defaults.terminationGracePeriodSeconds(podSpec);
        List<YNode> initContainers = Fields.items(podSpec, "initContainers");
        for (int i = 0; i < initContainers.size(); i++) {
            YMap container = Fields.map(initContainers.get(i));
            if (container == null) {
                continue;
            }
            YamlPath containerPath = path.index(i);
            validateContainerCommon(podSpec, container, volumes, podClaimNames, containerPath, errors);
            validateInitContainerRestartPolicy(container, containerPath, errors);
            boolean sidecar = "Always".equals(Fields.string(container, "restartPolicy"));
            String name = Fields.string(container, "name");
            if (name != null && names.contains(name)) {
                errors.duplicate(DUPLICATE_CONTAINER_NAME, Where.at(containerPath.field("name")), GoFormat.quote(name),
                        "Init containers and containers share one namespace of names.");
            } else if (name != null && !name.isEmpty()) {
                names.add(name);
            }
            // Quirk: upstream checks each init container as a list of one, so the path says index 0.
            accumulateUniqueHostPorts(List.of(container), path, i, errors);
            if (sidecar) {
                ProbeValidation.validateLifecycle(Fields.map(container, "lifecycle"), gracePeriod,
                        containerPath.field("lifecycle"), errors);
                ProbeValidation.validateProbes(container, gracePeriod, containerPath, errors);
            } else {
                for (String field : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                    if (Fields.isSet(container, field)) {
                        errors.forbidden(INIT_CONTAINER_FIELD, Where.at(containerPath.field(field)).onKey(),
                                "may not be set for init containers without restartPolicy=Always",
                                "Add restartPolicy: Always to make it a sidecar, or move the " + field
                                        + " to a regular container.");
                    }
                }
                // A plain init container runs to completion: resizing it in place cannot restart it.
                List<YNode> resizePolicy = Fields.items(container, "resizePolicy");
                for (int j = 0; j < resizePolicy.size(); j++) {
                    String restartPolicy = Fields.string(Fields.map(resizePolicy.get(j)), "restartPolicy");
                    if ("RestartContainer".equals(restartPolicy)) {
                        errors.invalidString(INVALID_RESIZE_POLICY, Where.at(containerPath.field("resizePolicy")
                                        .index(j).field("restartPolicy")), restartPolicy, "must not be set to"
                                        + " 'RestartContainer' for non-sidecar initContainers",
                                "Use NotRequired, or make it a sidecar with restartPolicy: Always.");
                    }
                }
            }
        }
    }

    /**
     * validateInitContainerRestartPolicy: without a restartPolicy, restartPolicyRules are Required
     * to come with one; a sidecar (Always) takes no rules (RestartAllContainersOnContainerExits is
     * alpha); OnFailure and Never go through validateContainerRestartPolicy.
     */
    private static void validateInitContainerRestartPolicy(YMap container, YamlPath path, FieldErrors errors) {
        List<YNode> rules = Fields.items(container, "restartPolicyRules");
        if (!Fields.isSet(container, "restartPolicy")) {
            if (!rules.isEmpty()) {
                errors.required(CONTAINER_RESTART_POLICY, Where.at(path.field("restartPolicy")), "must specify"
                        + " restartPolicy when restart rules are used", "Add restartPolicy (Never or OnFailure)"
                        + " next to restartPolicyRules.");
            }
            return;
        }
        if ("Always".equals(Fields.string(container, "restartPolicy"))) {
            if (Fields.isSet(container, "restartPolicyRules") && !rules.isEmpty()) {
                errors.forbidden(CONTAINER_RESTART_POLICY, Where.at(path.field("restartPolicyRules")).onKey(),
                        "restartPolicyRules are not allowed for init containers with restart policy Always",
                        "A sidecar always restarts: remove restartPolicyRules.");
            }
            return;
        }
        validateContainerRestartPolicy(container, path, errors);
    }

    /**
     * validateContainerRestartPolicy: restartPolicy one of Always, Never, OnFailure (Required when
     * restartPolicyRules are given); at most 20 rules, each with action Restart and exitCodes whose
     * operator is In or NotIn and whose values are at most 255.
     */
    private static void validateContainerRestartPolicy(YMap container, YamlPath path, FieldErrors errors) {
        List<YNode> rules = Fields.items(container, "restartPolicyRules");
        YamlPath policyPath = path.field("restartPolicy");
        if (!Fields.isSet(container, "restartPolicy")) {
            if (rules.isEmpty()) {
                return;
            }
            errors.required(CONTAINER_RESTART_POLICY, Where.at(policyPath), "must specify restartPolicy when restart"
                    + " rules are used", "Add restartPolicy (Never, OnFailure or Always) next to restartPolicyRules.");
        } else {
            String policy = Fields.string(container, "restartPolicy");
            if (policy != null && !CONTAINER_RESTART_POLICIES.contains(policy)) {
                String suggestion = dev.dsls.diagnostics.Suggestions.closest(policy, CONTAINER_RESTART_POLICIES);
                errors.notSupported(CONTAINER_RESTART_POLICY, Where.at(policyPath), GoFormat.quote(policy),
                        CONTAINER_RESTART_POLICIES, suggestion != null ? "Did you mean " + suggestion + "?"
                                : "Values are case-sensitive.");
            }
        }
        YamlPath rulesPath = path.field("restartPolicyRules");
        if (rules.size() > MAX_RESTART_POLICY_RULES) {
            errors.tooMany(CONTAINER_RESTART_POLICY, Where.at(rulesPath).onKey(), rules.size(), MAX_RESTART_POLICY_RULES,
                    "Merge rules with the same action.");
        }
        for (int i = 0; i < rules.size(); i++) {
            YMap rule = Fields.map(rules.get(i));
            if (rule == null) {
                continue;
            }
            YamlPath rulePath = rulesPath.index(i);
            String action = Fields.string(rule, "action");
            if (action != null && !action.equals("Restart")) {
                errors.notSupported(CONTAINER_RESTART_POLICY, Where.at(rulePath.field("action")), GoFormat.quote(action),
                        List.of("Restart"), "Restart is the only action.");
            }
            if (!Fields.isSet(rule, "exitCodes")) {
                errors.required(CONTAINER_RESTART_POLICY, Where.at(rulePath.field("exitCodes")), "must be specified",
                        "Add exitCodes: {operator: In, values: [...]}.");
                continue;
            }
            YMap exitCodes = Fields.map(rule, "exitCodes");
            String operator = Fields.string(exitCodes, "operator");
            if (exitCodes != null && operator != null && !operator.equals("In") && !operator.equals("NotIn")) {
                errors.notSupported(CONTAINER_RESTART_POLICY, Where.at(rulePath.field("exitCodes").field("operator")),
                        GoFormat.quote(operator), List.of("In", "NotIn"), "Operators are case-sensitive.");
            }
            int values = Fields.items(exitCodes, "values").size();
            if (values > MAX_EXIT_CODES) {
                errors.tooMany(CONTAINER_RESTART_POLICY, Where.at(rulePath.field("exitCodes").field("values")).onKey(),
                        values, MAX_EXIT_CODES, "List fewer exit codes, or use NotIn.");
            }
        }
    }

    private static void validateContainerCommon(YMap podSpec, YMap container, Map<String, YMap> volumes,
                                                Set<String> podClaimNames, YamlPath path, FieldErrors errors) {
        boolean hostUsers = !Fields.isFalse(podSpec, "hostUsers");
        String name = Fields.string(container, "name");
        if (name != null && name.isEmpty()) {
            errors.required(INVALID_CONTAINER_NAME, Where.at(path.field("name")), "", "Name the container"
                    + " (lower-case letters, digits and '-').");
        } else if (name != null) {
            for (String message : ValidationSyntax.dns1123Label(name)) {
                errors.invalidString(INVALID_CONTAINER_NAME, Where.at(path.field("name")), name, message,
                        "Container names are at most 63 lower-case letters, digits and '-'.");
            }
        }
        String image = Fields.string(container, "image");
        if (image != null && image.isEmpty()) {
            errors.required(MISSING_IMAGE, Where.at(path.field("image")), "", "Add the image to run, with a"
                    + " version tag (e.g. registry.k8s.io/kube-proxy:v1.36.0).");
        }
        String messagePolicy = Defaults.terminationMessagePolicy(container);
        if (messagePolicy != null && !messagePolicy.equals("File") && !messagePolicy.equals("FallbackToLogsOnError")) {
            errors.notSupported(INVALID_TERMINATION_MESSAGE_POLICY, Where.at(path.field("terminationMessagePolicy")),
                    GoFormat.quote(messagePolicy), List.of("File", "FallbackToLogsOnError"), "Values are"
                            + " case-sensitive.");
        }
        validateContainerPorts(Fields.items(container, "ports"), path.field("ports"), errors);
        EnvValidation.validateEnv(Fields.items(container, "env"), path.field("env"), errors);
        EnvValidation.validateEnvFrom(Fields.items(container, "envFrom"), path.field("envFrom"), errors);
        Map<String, String> devices = pathsByName(Fields.items(container, "volumeDevices"), "devicePath");
        validateVolumeMounts(container, volumes, devices, path, errors);
        validateVolumeDevices(container, volumes, pathsByName(Fields.items(container, "volumeMounts"), "mountPath"),
                path, errors);
        String pullPolicy = Defaults.imagePullPolicy(container);
        if (pullPolicy != null && !PULL_POLICIES.contains(pullPolicy)) {
            String suggestion = dev.dsls.diagnostics.Suggestions.closest(pullPolicy, PULL_POLICIES);
            errors.notSupported(INVALID_PULL_POLICY, Where.at(path.field("imagePullPolicy")),
                    GoFormat.quote(pullPolicy), PULL_POLICIES, suggestion != null ? "Did you mean " + suggestion + "?"
                            : "Values are case-sensitive.");
        }
        ResourceValidation.validateResourceRequirements(Fields.map(container, "resources"), path.field("resources"),
                podClaimNames, errors);
        validateResizePolicy(container, path.field("resizePolicy"), Defaults.restartPolicy(podSpec), errors);
        SecurityContextValidation.validateSecurityContext(Fields.map(container, "securityContext"),
                path.field("securityContext"), hostUsers, errors);
    }

    /**
     * validateResizePolicy: each resource (cpu or memory) once, with restartPolicy NotRequired or
     * RestartContainer (only NotRequired when the pod's restartPolicy is Never). Quirks kept from
     * upstream: all but the duplicate are printed at {@code resizePolicy} without an index, and the
     * resource name is printed unquoted (core.ResourceName is a fmt.Stringer).
     */
    private static void validateResizePolicy(YMap container, YamlPath path, String podRestartPolicy,
                                             FieldErrors errors) {
        List<YNode> policies = Fields.items(container, "resizePolicy");
        Set<String> resources = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            YMap policy = Fields.map(policies.get(i));
            String resourceName = Fields.string(policy, "resourceName");
            String restartPolicy = Fields.string(policy, "restartPolicy");
            if (policy == null || resourceName == null || restartPolicy == null) {
                continue;
            }
            YamlPath itemPath = path.index(i);
            if (!resources.add(resourceName)) {
                errors.duplicate(INVALID_RESIZE_POLICY, Where.printedAs(itemPath.toString(),
                        itemPath.field("resourceName")), resourceName, "List each resource once.");
            }
            Where resourceWhere = Where.printedAs(path.toString(), itemPath.field("resourceName"));
            if (resourceName.isEmpty()) {
                errors.required(INVALID_RESIZE_POLICY, resourceWhere, "", "Name the resource: cpu or memory.");
            } else if (!RESIZE_RESOURCES.contains(resourceName)) {
                errors.notSupported(INVALID_RESIZE_POLICY, resourceWhere, resourceName, RESIZE_RESOURCES,
                        "Only cpu and memory can be resized in place.");
            }
            Where restartWhere = Where.printedAs(path.toString(), itemPath.field("restartPolicy"));
            if (restartPolicy.isEmpty()) {
                errors.required(INVALID_RESIZE_POLICY, restartWhere, "", "Use NotRequired or RestartContainer.");
            } else if (!RESIZE_RESTART_POLICIES.contains(restartPolicy)) {
                errors.notSupported(INVALID_RESIZE_POLICY, restartWhere, GoFormat.quote(restartPolicy),
                        RESIZE_RESTART_POLICIES, "Values are case-sensitive.");
            }
            if ("Never".equals(podRestartPolicy) && !restartPolicy.equals("NotRequired")) {
                errors.invalidString(INVALID_RESIZE_POLICY, restartWhere, restartPolicy, "must be 'NotRequired' when"
                        + " pod `restartPolicy` is 'Never'", "Use NotRequired.");
            }
        }
    }

    /** GetVolumeMountMap / GetVolumeDeviceMap: name to path, the last entry of a name winning. */
    private static Map<String, String> pathsByName(List<YNode> entries, String pathField) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (YNode entry : entries) {
            YMap map = Fields.map(entry);
            String name = Fields.string(map, "name");
            String path = Fields.string(map, pathField);
            if (map != null && name != null && path != null) {
                paths.put(name, path);
            }
        }
        return paths;
    }

    /**
     * ValidateVolumeDevices: a block device names a persistentVolumeClaim or ephemeral volume, once,
     * at a unique devicePath without '..', and neither the name nor the path is also a volumeMount.
     */
    private static void validateVolumeDevices(YMap container, Map<String, YMap> volumes, Map<String, String> mounts,
                                              YamlPath containerPath, FieldErrors errors) {
        YamlPath path = containerPath.field("volumeDevices");
        List<YNode> devices = Fields.items(container, "volumeDevices");
        Set<String> devicePaths = new HashSet<>();
        Set<String> deviceNames = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            YMap device = Fields.map(devices.get(i));
            String name = Fields.string(device, "name");
            String devicePath = Fields.string(device, "devicePath");
            if (device == null || name == null || devicePath == null) {
                continue;
            }
            YamlPath devicePathNode = path.index(i);
            Where nameWhere = Where.at(devicePathNode.field("name"));
            Where pathWhere = Where.at(devicePathNode.field("devicePath"));
            YMap volume = volumes.get(name);
            if (name.isEmpty()) {
                errors.required(INVALID_VOLUME_MOUNT, nameWhere, "", "Name the volume to attach as a block device.");
            }
            if (deviceNames.contains(name)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, nameWhere, name, "must be unique", "Attach each volume once.");
            }
            if (volume != null && !Fields.isSet(volume, "persistentVolumeClaim") && !Fields.isSet(volume, "ephemeral")) {
                errors.invalidString(INVALID_VOLUME_MOUNT, nameWhere, name, "can only use volume source type of"
                        + " PersistentVolumeClaim or Ephemeral for block mode", "Mount other volumes with volumeMounts.");
            }
            if (volume == null) {
                errors.notFound(MISSING_VOLUME, nameWhere, GoFormat.quote(name), "Add a persistentVolumeClaim or"
                        + " ephemeral volume named " + GoFormat.quote(name) + " (or fix the errors reported on it).");
            }
            if (devicePath.isEmpty()) {
                errors.required(INVALID_VOLUME_MOUNT, pathWhere, "", "Give the device path inside the container.");
            }
            if (devicePaths.contains(devicePath)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, pathWhere, devicePath, "must be unique",
                        "Give each device its own path.");
            }
            if (!devicePath.isEmpty() && hasBacksteps(devicePath)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, pathWhere, devicePath, "can not contain backsteps ('..')",
                        "Write the path without '..'.");
            } else {
                devicePaths.add(devicePath);
            }
            if (mounts.containsKey(name)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, nameWhere, name, "must not already exist in volumeMounts",
                        "A volume is either mounted or attached as a device.");
            }
            if (mounts.containsValue(devicePath)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, pathWhere, devicePath, "must not already exist as a path in"
                        + " volumeMounts", "Use a path no volumeMount uses.");
            }
            if (!name.isEmpty()) {
                deviceNames.add(name);
            }
        }
    }

    private static boolean hasBacksteps(String path) {
        for (String part : path.replace('\\', '/').split("/", -1)) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** validateContainerPorts: names are IANA service names unique in the container; ports in range. */
    private static void validateContainerPorts(List<YNode> ports, YamlPath path, FieldErrors errors) {
        Set<String> names = new HashSet<>();
        for (int j = 0; j < ports.size(); j++) {
            YMap port = Fields.map(ports.get(j));
            if (port == null) {
                continue;
            }
            YamlPath portPath = path.index(j);
            String name = Fields.string(port, "name");
            if (name != null && !name.isEmpty()) {
                List<String> messages = ValidationSyntax.portName(name);
                for (String message : messages) {
                    errors.invalidString(INVALID_PORT, Where.at(portPath.field("name")), name, message,
                            "Port names are at most 15 lower-case letters, digits and '-', with at least one"
                                    + " letter (e.g. metrics).");
                }
                if (messages.isEmpty() && !names.add(name)) {
                    errors.duplicate(DUPLICATE_PORT_NAME, Where.at(portPath.field("name")), GoFormat.quote(name),
                            "Give each port of the container its own name.");
                }
            }
            Long containerPort = Fields.integer(port, "containerPort", 0);
            if (containerPort != null && containerPort == 0) {
                errors.required(INVALID_PORT, Where.at(portPath.field("containerPort")), "",
                        "Give the port number the container listens on.");
            } else if (containerPort != null) {
                for (String message : ValidationSyntax.portNumber(containerPort)) {
                    errors.invalid(INVALID_PORT, Where.at(portPath.field("containerPort")), Long.toString(containerPort),
                            message, "Ports are 1-65535.");
                }
            }
            Long hostPort = Fields.integer(port, "hostPort", 0);
            if (hostPort != null && hostPort != 0) {
                for (String message : ValidationSyntax.portNumber(hostPort)) {
                    errors.invalid(INVALID_PORT, Where.at(portPath.field("hostPort")), Long.toString(hostPort),
                            message, "Ports are 1-65535; remove hostPort to expose the port only to the cluster.");
                }
            }
            String protocol = Defaults.protocol(port);
            if (protocol != null && !PROTOCOLS.contains(protocol)) {
                String suggestion = dev.dsls.diagnostics.Suggestions.closest(protocol, PROTOCOLS);
                errors.notSupported(INVALID_PORT, Where.at(portPath.field("protocol")), GoFormat.quote(protocol),
                        PROTOCOLS, suggestion != null ? "Did you mean " + suggestion + "? Protocols are upper-case."
                                : "Use TCP, UDP or SCTP.");
            }
        }
    }

    /**
     * AccumulateUniqueHostPorts: two ports may not claim the same hostIP/protocol/hostPort on the
     * node. Upstream's key (and the printed duplicate value) is "hostIP/protocol/hostPort".
     *
     * @param firstIndex the index of the first container in the YAML list (the printed path always
     *                   counts from 0, which for init containers, checked one at a time, is a quirk)
     */
    private static void accumulateUniqueHostPorts(List<YNode> containers, YamlPath path, int firstIndex,
                                                  FieldErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            List<YNode> ports = Fields.items(Fields.map(containers.get(i)), "ports");
            for (int j = 0; j < ports.size(); j++) {
                YMap port = Fields.map(ports.get(j));
                Long hostPort = Fields.integer(port, "hostPort", 0);
                String hostIp = Fields.string(port, "hostIP");
                String protocol = Defaults.protocol(port);
                if (port == null || hostPort == null || hostPort == 0 || hostIp == null || protocol == null) {
                    continue;
                }
                String key = hostIp + "/" + protocol + "/" + hostPort;
                if (!seen.add(key)) {
                    String printed = path.index(i).field("ports").index(j).field("hostPort").toString();
                    YamlPath node = path.index(firstIndex + i).field("ports").index(j).field("hostPort");
                    errors.duplicate(DUPLICATE_HOST_PORT, Where.printedAs(printed, node), GoFormat.quote(key),
                            "Each hostPort can be bound once per node and protocol: pick another hostPort.");
                }
            }
        }
    }

    /**
     * ValidateVolumeMounts: a mount names a registered volume, has a unique mountPath, a relative
     * subPath or subPathExpr (not both), and a known mountPropagation. Quirk: subPath, subPathExpr
     * and mountPropagation errors are printed without the mount's index.
     */
    private static void validateVolumeMounts(YMap container, Map<String, YMap> volumes, Map<String, String> devices,
                                             YamlPath containerPath, FieldErrors errors) {
        YamlPath path = containerPath.field("volumeMounts");
        List<YNode> mounts = Fields.items(container, "volumeMounts");
        Set<String> mountPaths = new HashSet<>();
        boolean privileged = Fields.isTrue(Fields.map(container, "securityContext"), "privileged");
        for (int m = 0; m < mounts.size(); m++) {
            YMap mount = Fields.map(mounts.get(m));
            if (mount == null) {
                continue;
            }
            YamlPath mountPath = path.index(m);
            String name = Fields.string(mount, "name");
            if (name != null) {
                if (name.isEmpty()) {
                    errors.required(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("name")), "",
                            "Name the volume to mount.");
                }
                if (!volumes.containsKey(name)) {
                    String suggestion = dev.dsls.diagnostics.Suggestions.closest(name, volumes.keySet());
                    errors.notFound(MISSING_VOLUME, Where.at(mountPath.field("name")), GoFormat.quote(name),
                            name.isEmpty() ? "" : suggestion != null ? "Did you mean " + suggestion + "?"
                                    : "Add a volume named " + GoFormat.quote(name) + " to spec.template.spec.volumes"
                                    + " (or fix the errors reported on it).");
                }
            }
            String target = Fields.string(mount, "mountPath");
            if (target != null) {
                if (target.isEmpty()) {
                    errors.required(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("mountPath")), "",
                            "Give the directory inside the container.");
                }
                if (!mountPaths.add(target)) {
                    errors.invalidString(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("mountPath")), target,
                            "must be unique", "Mount each path once.");
                }
                if (devices.containsValue(target)) {
                    errors.invalidString(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("mountPath")), target,
                            "must not already exist as a path in volumeDevices", "Use a path no volumeDevice uses.");
                }
            }
            if (name != null && devices.containsKey(name)) {
                errors.invalidString(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("name")), name,
                        "must not already exist in volumeDevices", "A volume is either mounted or attached as a device.");
            }
            String subPath = Fields.string(mount, "subPath");
            if (subPath != null && !subPath.isEmpty()) {
                VolumeValidation.validateLocalDescendingPath(subPath, Where.printedAs(path.field("subPath").toString(),
                        mountPath.field("subPath")), INVALID_VOLUME_MOUNT, errors);
            }
            String subPathExpr = Fields.string(mount, "subPathExpr");
            if (subPathExpr != null && !subPathExpr.isEmpty()) {
                if (subPath != null && !subPath.isEmpty()) {
                    errors.invalidString(INVALID_VOLUME_MOUNT, Where.at(mountPath.field("subPathExpr")), subPathExpr,
                            "subPathExpr and subPath are mutually exclusive", "Keep one of them.");
                }
                VolumeValidation.validateLocalDescendingPath(subPathExpr, Where.printedAs(
                        path.field("subPathExpr").toString(), mountPath.field("subPathExpr")), INVALID_VOLUME_MOUNT,
                        errors);
            }
            String propagation = Fields.string(mount, "mountPropagation");
            if (propagation != null && Fields.isSet(mount, "mountPropagation")) {
                Where where = Where.printedAs(path.field("mountPropagation").toString(),
                        mountPath.field("mountPropagation"));
                if (!MOUNT_PROPAGATIONS.contains(propagation)) {
                    errors.notSupported(INVALID_VOLUME_MOUNT, where, GoFormat.quote(propagation), MOUNT_PROPAGATIONS,
                            "Values are case-sensitive.");
                }
                if (propagation.equals("Bidirectional") && !privileged) {
                    errors.forbidden(INVALID_VOLUME_MOUNT, where, "Bidirectional mount propagation is available"
                            + " only to privileged containers", "Set securityContext.privileged: true on this"
                            + " container, or use HostToContainer.");
                }
            }
            validateMountRecursiveReadOnly(mount, mountPath, propagation, errors);
        }
    }

    private static void validateMountRecursiveReadOnly(YMap mount, YamlPath mountPath, String propagation,
                                                       FieldErrors errors) {
        String recursiveReadOnly = Fields.string(mount, "recursiveReadOnly");
        if (recursiveReadOnly == null || !Fields.isSet(mount, "recursiveReadOnly")) {
            return;
        }
        // Quirk: upstream passes the list's path here too.
        Where where = Where.printedAs(mountPath.parent().field("recursiveReadOnly").toString(),
                mountPath.field("recursiveReadOnly"));
        switch (recursiveReadOnly) {
            case "Disabled" -> {
            }
            case "Enabled", "IfPossible" -> {
                if (!Fields.isTrue(mount, "readOnly")) {
                    errors.forbidden(INVALID_VOLUME_MOUNT, where, "may only be specified when readOnly is true",
                            "Add readOnly: true.");
                }
                if (propagation != null && !propagation.isEmpty() && !propagation.equals("None")) {
                    errors.forbidden(INVALID_VOLUME_MOUNT, where, "may only be specified when mountPropagation is"
                            + " None or not specified", "Remove mountPropagation.");
                }
            }
            default -> errors.notSupported(INVALID_VOLUME_MOUNT, where, GoFormat.quote(recursiveReadOnly),
                    List.of("Disabled", "IfPossible", "Enabled"), "Values are case-sensitive.");
        }
    }
}
