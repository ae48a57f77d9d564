package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_DNS_CONFIG;
import static dev.dsls.validation.ValidationCodes.INVALID_DNS_POLICY;
import static dev.dsls.validation.ValidationCodes.INVALID_HOST_ALIAS;
import static dev.dsls.validation.ValidationCodes.INVALID_POD_REFERENCE;
import static dev.dsls.validation.ValidationCodes.INVALID_PORT;
import static dev.dsls.validation.ValidationCodes.INVALID_RESOURCE_CLAIM;
import static dev.dsls.validation.ValidationCodes.INVALID_SCHEDULING_GATE;
import static dev.dsls.validation.ValidationCodes.RESTART_POLICY;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ValidatePodSpec (core validation): the pod-level fields, and the order in which upstream checks them. */
final class PodSpecValidation {
    static final int MAX_DNS_NAMESERVERS = 3;
    static final int MAX_DNS_SEARCH_PATHS = 32;
    static final int MAX_DNS_SEARCH_LIST_CHARS = 2048;
    private static final String IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    private PodSpecValidation() {
    }

    static void validatePodSpec(YMap podSpec, FieldErrors errors) {
        Map<String, YMap> volumes = VolumeValidation.validateVolumes(podSpec, errors);
        Set<String> podClaimNames = podResourceClaimNames(podSpec);
        validatePodResourceClaims(podSpec, errors);
        ContainerValidation.validateContainers(podSpec, volumes, podClaimNames, errors);
        ContainerValidation.validateInitContainers(podSpec, volumes, podClaimNames, errors);
        ResourceValidation.validatePodResources(podSpec, podClaimNames, errors);
        validatePodHostNetworkDeps(podSpec, errors);
        validateRestartPolicy(podSpec, errors);
        validateDnsPolicy(podSpec, errors);
        ObjectMetaValidation.validateLabels(Fields.map(podSpec, "nodeSelector"),
                POD_SPEC.field("nodeSelector").toString(), POD_SPEC.field("nodeSelector"),
                ValidationCodes.INVALID_NODE_SELECTOR, errors);
        SecurityContextValidation.validatePodSpecSecurityContext(podSpec, errors);
        NodeAffinityValidation.validateAffinity(Fields.map(podSpec, "affinity"), POD_SPEC.field("affinity"), errors);
        validatePodDnsConfig(podSpec, errors);
        validateReadinessGates(podSpec, errors);
        validateSchedulingGates(podSpec, errors);
        TopologySpreadValidation.validateTopologySpreadConstraints(podSpec, errors);
        PodOsValidation.validateWindowsHostProcessPod(podSpec, errors);
        validateHostUsers(podSpec, errors);
        validatePodHostName(podSpec, errors);
        validateReferenceName(podSpec, "serviceAccountName", errors);
        validateReferenceName(podSpec, "nodeName", errors);
        Long activeDeadlineSeconds = Fields.integer(podSpec, "activeDeadlineSeconds", 1);
        if (activeDeadlineSeconds != null && (activeDeadlineSeconds < 1 || activeDeadlineSeconds > Integer.MAX_VALUE)) {
            errors.invalid(ValidationCodes.ACTIVE_DEADLINE_SECONDS, Where.at(POD_SPEC.field("activeDeadlineSeconds")),
                    Long.toString(activeDeadlineSeconds), ValidationSyntax.inclusiveRangeError(1, Integer.MAX_VALUE),
                    "Remove activeDeadlineSeconds.");
        }
        validateDns1123Label(podSpec, "hostname", errors);
        validateDns1123Label(podSpec, "subdomain", errors);
        TolerationValidation.validateTolerations(Fields.items(podSpec, "tolerations"), POD_SPEC.field("tolerations"),
                errors);
        validateHostAliases(podSpec, errors);
        validateReferenceName(podSpec, "priorityClassName", errors);
        validateReferenceName(podSpec, "runtimeClassName", errors);
        String preemptionPolicy = Fields.string(podSpec, "preemptionPolicy");
        if (preemptionPolicy != null && Fields.isSet(podSpec, "preemptionPolicy")
                && !preemptionPolicy.equals("PreemptLowerPriority") && !preemptionPolicy.equals("Never")) {
            errors.notSupported(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field("preemptionPolicy")),
                    GoFormat.quote(preemptionPolicy), List.of("PreemptLowerPriority", "Never"),
                    "Remove it to take the priority class's policy.");
        }
        ResourceValidation.validateOverhead(podSpec, errors);
        PodOsValidation.validateOs(podSpec, errors);
        EnvValidation.validateFileKeyRefVolumes(podSpec, errors);
    }

    /** gatherPodResourceClaimNames: the non-empty names of spec.resourceClaims. */
    private static Set<String> podResourceClaimNames(YMap podSpec) {
        Set<String> names = new HashSet<>();
        for (YNode claim : Fields.items(podSpec, "resourceClaims")) {
            String name = Fields.string(Fields.map(claim), "name");
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * validatePodResourceClaims: each claim has a unique DNS-label name and exactly one of
     * resourceClaimName and resourceClaimTemplateName, each a DNS subdomain. In a template there is no
     * pod, so the mirror-pod rule does not apply.
     */
    private static void validatePodResourceClaims(YMap podSpec, FieldErrors errors) {
        List<YNode> claims = Fields.items(podSpec, "resourceClaims");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            YMap claim = Fields.map(claims.get(i));
            String name = Fields.string(claim, "name");
            if (claim == null || name == null) {
                continue;
            }
            YamlPath path = POD_SPEC.field("resourceClaims").index(i);
            if (name.isEmpty()) {
                errors.required(INVALID_RESOURCE_CLAIM, Where.at(path.field("name")), "", "Name the claim so containers"
                        + " can reference it in resources.claims.");
            } else if (names.contains(name)) {
                errors.duplicate(INVALID_RESOURCE_CLAIM, Where.at(path.field("name")), GoFormat.quote(name),
                        "Give each claim its own name.");
            } else {
                for (String message : ValidationSyntax.dns1123Label(name)) {
                    errors.invalidString(INVALID_RESOURCE_CLAIM, Where.at(path.field("name")), name, message,
                            "Claim names are lower-case letters, digits and '-'.");
                }
                names.add(name);
            }
            boolean byName = Fields.isSet(claim, "resourceClaimName");
            boolean byTemplate = Fields.isSet(claim, "resourceClaimTemplateName");
            String printed = "core.PodResourceClaim{Name:" + GoFormat.quote(name) + ", ResourceClaimName:"
                    + GoFormat.pointer("string", byName) + ", ResourceClaimTemplateName:"
                    + GoFormat.pointer("string", byTemplate) + "}";
            if (byName && byTemplate) {
                errors.invalid(INVALID_RESOURCE_CLAIM, Where.at(path).onKey(), printed, "at most one of"
                        + " `resourceClaimName` or `resourceClaimTemplateName` may be specified",
                        "A DaemonSet usually wants resourceClaimTemplateName: one claim per pod.");
            }
            if (!byName && !byTemplate) {
                errors.invalid(INVALID_RESOURCE_CLAIM, Where.at(path).onKey(), printed, "must specify one of:"
                        + " `resourceClaimName`, `resourceClaimTemplateName`", "Add resourceClaimTemplateName (a"
                        + " claim per pod) or resourceClaimName (one claim shared by every node's pod).");
            }
            for (String field : List.of("resourceClaimName", "resourceClaimTemplateName")) {
                String value = Fields.string(claim, field);
                if (value != null && Fields.isSet(claim, field)) {
                    for (String message : ValidationSyntax.nameIsDnsSubdomain(value, false)) {
                        errors.invalidString(INVALID_RESOURCE_CLAIM, Where.at(path.field(field)), value, message,
                                "It names another object: lower-case letters, digits, '-' and '.'.");
                    }
                }
            }
        }
    }

    /**
     * validateSchedulingGates: each gate name a qualified name, none repeated. Quirk kept from
     * upstream: both are printed at {@code schedulingGates[i]}, not {@code .name}.
     */
    private static void validateSchedulingGates(YMap podSpec, FieldErrors errors) {
        List<YNode> gates = Fields.items(podSpec, "schedulingGates");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            YMap gate = Fields.map(gates.get(i));
            String name = Fields.string(gate, "name");
            if (gate == null || name == null) {
                continue;
            }
            YamlPath path = POD_SPEC.field("schedulingGates").index(i);
            Where where = Where.printedAs(path.toString(), path.field("name"));
            for (String message : ValidationSyntax.qualifiedName(name)) {
                errors.invalidString(INVALID_SCHEDULING_GATE, where, name, message,
                        "Gate names are qualified names such as example.com/wait-for-config.");
            }
            if (!seen.add(name)) {
                errors.duplicate(INVALID_SCHEDULING_GATE, where, GoFormat.quote(name), "List each gate once.");
            }
        }
    }

    /**
     * validatePodHostName (HostnameOverride is beta and on by default since 1.35): hostnameOverride
     * cannot be combined with setHostnameAsFQDN or hostNetwork, has at most 64 characters and is a DNS
     * subdomain.
     */
    private static void validatePodHostName(YMap podSpec, FieldErrors errors) {
        String override = Fields.string(podSpec, "hostnameOverride");
        if (override == null || !Fields.isSet(podSpec, "hostnameOverride")) {
            return;
        }
        Where where = Where.at(POD_SPEC.field("hostnameOverride"));
        if (Fields.isTrue(podSpec, "setHostnameAsFQDN")) {
            errors.forbidden(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field("hostnameOverride")).onKey(),
                    "may not be specified when setHostnameAsFQDN is true", "Keep one of the two.");
        }
        if (Fields.isTrue(podSpec, "hostNetwork")) {
            errors.forbidden(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field("hostnameOverride")).onKey(),
                    "may not be specified when hostNetwork is true", "With hostNetwork the pod has the node's"
                            + " host name: remove hostnameOverride.");
        }
        if (override.length() > 64) {
            errors.tooLong(INVALID_POD_REFERENCE, where, 64, "Host names have at most 64 characters.");
        }
        for (String message : ValidationSyntax.dns1123Subdomain(override)) {
            errors.invalidString(INVALID_POD_REFERENCE, where, override, message, "Use a lower-case DNS name.");
        }
    }

    /**
     * validatePodHostNetworkDeps: with hostNetwork a container listens on the node itself, so a
     * hostPort other than 0 (left unset in templates) must equal the containerPort.
     */
    private static void validatePodHostNetworkDeps(YMap podSpec, FieldErrors errors) {
        if (!Fields.isTrue(podSpec, "hostNetwork")) {
            return;
        }
        List<YNode> containers = Fields.items(podSpec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            List<YNode> ports = Fields.items(Fields.map(containers.get(i)), "ports");
            for (int j = 0; j < ports.size(); j++) {
                YMap port = Fields.map(ports.get(j));
                Long hostPort = Fields.integer(port, "hostPort", 0);
                Long containerPort = Fields.integer(port, "containerPort", 0);
                if (hostPort != null && containerPort != null && hostPort != 0 && !hostPort.equals(containerPort)) {
                    errors.invalid(INVALID_PORT, Where.at(POD_SPEC.field("containers").index(i).field("ports")
                                    .index(j).field("hostPort")), Long.toString(hostPort),
                            "must match `containerPort` when `hostNetwork` is true", "With hostNetwork the container"
                                    + " binds the node's port directly: set hostPort to " + containerPort
                                    + " or remove it.");
                }
            }
        }
    }

    /**
     * validateHostUsers: a user namespace (hostUsers: false) cannot be combined with the node's
     * network, PID or IPC namespace. Quirk: upstream spells the last two paths HostPID and HostIPC.
     */
    private static void validateHostUsers(YMap podSpec, FieldErrors errors) {
        if (!Fields.isFalse(podSpec, "hostUsers")) {
            return;
        }
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Fields.isTrue(podSpec, field)) {
                String printed = field.equals("hostNetwork") ? field : "H" + field.substring(1);
                errors.forbidden(ValidationCodes.INVALID_SECURITY_CONTEXT, Where.printedAs(POD_SPEC.field(printed)
                        .toString(), POD_SPEC.field(field)).onKey(), "when `hostUsers` is false",
                        "A pod in its own user namespace cannot share the node's namespaces: remove " + field
                                + " or hostUsers: false.");
            }
        }
        // Block devices cannot be id-mapped into a user namespace.
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> containers = Fields.items(podSpec, list);
            for (int i = 0; i < containers.size(); i++) {
                if (!Fields.items(Fields.map(containers.get(i)), "volumeDevices").isEmpty()) {
                    errors.forbidden(ValidationCodes.INVALID_SECURITY_CONTEXT, Where.at(POD_SPEC.field(list).index(i)
                            .field("volumeDevices")).onKey(), "when `hostUsers` is false", "Mount the volume as a"
                            + " filesystem, or run the pod with hostUsers: true.");
                }
            }
        }
    }

    private static void validateRestartPolicy(YMap podSpec, FieldErrors errors) {
        String policy = Defaults.restartPolicy(podSpec);
        if (policy != null && !List.of("Always", "OnFailure", "Never").contains(policy)) {
            errors.notSupported(RESTART_POLICY, Where.at(POD_SPEC.field("restartPolicy")), GoFormat.quote(policy),
                    List.of("Always", "OnFailure", "Never"), "Remove restartPolicy: DaemonSet pods use Always.");
        }
    }

    private static void validateDnsPolicy(YMap podSpec, FieldErrors errors) {
        String policy = Defaults.dnsPolicy(podSpec);
        List<String> supported = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
        if (policy != null && !supported.contains(policy)) {
            String suggestion = dev.dsls.diagnostics.Suggestions.closest(policy, supported);
            errors.notSupported(INVALID_DNS_POLICY, Where.at(POD_SPEC.field("dnsPolicy")), GoFormat.quote(policy),
                    supported, suggestion != null ? "Did you mean " + suggestion + "?"
                            : "Agents with hostNetwork usually want ClusterFirstWithHostNet.");
        }
    }

    /** validatePodDNSConfig: dnsPolicy None needs nameservers; limits on nameservers and search paths. */
    private static void validatePodDnsConfig(YMap podSpec, FieldErrors errors) {
        YamlPath path = POD_SPEC.field("dnsConfig");
        YMap dnsConfig = Fields.map(podSpec, "dnsConfig");
        if ("None".equals(Defaults.dnsPolicy(podSpec))) {
            if (dnsConfig == null && !Fields.isSet(podSpec, "dnsConfig")) {
                errors.required(INVALID_DNS_CONFIG, Where.printedAs(path.toString(), POD_SPEC.field("dnsPolicy")),
                        "must provide `dnsConfig` when `dnsPolicy` is"
                        + " None", "Add dnsConfig with at least one nameserver.");
                return;
            }
            if (dnsConfig != null && Fields.items(dnsConfig, "nameservers").isEmpty()) {
                errors.required(INVALID_DNS_CONFIG, Where.at(path.field("nameservers")), "must provide at least one"
                        + " DNS nameserver when `dnsPolicy` is None", "List the nameserver IPs the pod should use.");
                return;
            }
        }
        if (dnsConfig == null) {
            return;
        }
        List<YNode> nameservers = Fields.items(dnsConfig, "nameservers");
        List<String> nameserverTexts = GoFormat.texts(nameservers);
        if (nameservers.size() > MAX_DNS_NAMESERVERS) {
            errors.invalid(INVALID_DNS_CONFIG, Where.at(path.field("nameservers")), GoFormat.stringSlice(nameserverTexts),
                    "must not have more than " + MAX_DNS_NAMESERVERS + " nameservers", "The resolver uses at most 3.");
        }
        for (int i = 0; i < nameservers.size(); i++) {
            if (Fields.isString(nameservers.get(i)) && !ValidationSyntax.isIp(nameserverTexts.get(i))) {
                errors.invalidString(INVALID_DNS_CONFIG, Where.at(path.field("nameservers").index(i)),
                        nameserverTexts.get(i), IP_ERROR, "Nameservers are IP addresses, not host names.");
            }
        }
        List<YNode> searches = Fields.items(dnsConfig, "searches");
        List<String> searchTexts = GoFormat.texts(searches);
        if (searches.size() > MAX_DNS_SEARCH_PATHS) {
            errors.invalid(INVALID_DNS_CONFIG, Where.at(path.field("searches")), GoFormat.stringSlice(searchTexts),
                    "must not have more than " + MAX_DNS_SEARCH_PATHS + " search paths", "Drop some search domains.");
        }
        if (String.join(" ", searchTexts).length() > MAX_DNS_SEARCH_LIST_CHARS) {
            errors.invalid(INVALID_DNS_CONFIG, Where.at(path.field("searches")), GoFormat.stringSlice(searchTexts),
                    "must not have more than " + MAX_DNS_SEARCH_LIST_CHARS + " characters (including spaces) in"
                            + " the search list", "Shorten the search list.");
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = searchTexts.get(i);
            if (!Fields.isString(searches.get(i)) || search.equals(".")) {
                continue;
            }
            String trimmed = search.endsWith(".") ? search.substring(0, search.length() - 1) : search;
            for (String message : ValidationSyntax.dns1123SubdomainWithUnderscore(trimmed)) {
                errors.invalidString(INVALID_DNS_CONFIG, Where.at(path.field("searches").index(i)), trimmed, message,
                        "Search paths are DNS domains such as svc.cluster.local.");
            }
        }
        List<YNode> options = Fields.items(dnsConfig, "options");
        for (int i = 0; i < options.size(); i++) {
            YMap option = Fields.map(options.get(i));
            String name = Fields.string(option, "name");
            if (option != null && name != null && name.isEmpty()) {
                errors.required(INVALID_DNS_CONFIG, Where.at(path.field("options").index(i)), "must not be empty",
                        "Give the resolver option a name, e.g. ndots.");
            }
        }
    }

    private static void validateReadinessGates(YMap podSpec, FieldErrors errors) {
        List<YNode> gates = Fields.items(podSpec, "readinessGates");
        for (int i = 0; i < gates.size(); i++) {
            YMap gate = Fields.map(gates.get(i));
            String conditionType = Fields.string(gate, "conditionType");
            if (gate != null && conditionType != null) {
                for (String message : ValidationSyntax.qualifiedName(conditionType)) {
                    errors.invalidString(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field("readinessGates").index(i)
                            .field("conditionType")), conditionType, message, "Condition types are qualified names"
                            + " such as example.com/ready.");
                }
            }
        }
    }

    /** serviceAccountName, nodeName, priorityClassName, runtimeClassName: names of other objects (DNS subdomains). */
    private static void validateReferenceName(YMap podSpec, String field, FieldErrors errors) {
        String name = Fields.string(podSpec, field);
        if (name == null || name.isEmpty()) {
            return;
        }
        for (String message : ValidationSyntax.nameIsDnsSubdomain(name, false)) {
            errors.invalidString(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field(field)), name, message,
                    "It names another object: lower-case letters, digits, '-' and '.'.");
        }
    }

    private static void validateDns1123Label(YMap podSpec, String field, FieldErrors errors) {
        String value = Fields.string(podSpec, field);
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String message : ValidationSyntax.dns1123Label(value)) {
            errors.invalidString(INVALID_POD_REFERENCE, Where.at(POD_SPEC.field(field)), value, message,
                    "Use at most 63 lower-case letters, digits and '-'.");
        }
    }

    /** ValidateHostAliases: an IP and DNS-subdomain host names per entry. */
    private static void validateHostAliases(YMap podSpec, FieldErrors errors) {
        List<YNode> aliases = Fields.items(podSpec, "hostAliases");
        for (int i = 0; i < aliases.size(); i++) {
            YMap alias = Fields.map(aliases.get(i));
            YamlPath path = POD_SPEC.field("hostAliases").index(i);
            String ip = Fields.string(alias, "ip");
            if (alias != null && ip != null && !ValidationSyntax.isIp(ip)) {
                errors.invalidString(INVALID_HOST_ALIAS, Where.at(path.field("ip")), ip, IP_ERROR,
                        "hostAliases map an IP address to names for /etc/hosts.");
            }
            List<YNode> hostnames = Fields.items(alias, "hostnames");
            for (int j = 0; j < hostnames.size(); j++) {
                if (Fields.isString(hostnames.get(j))) {
                    String hostname = ((YScalar) hostnames.get(j)).value();
                    for (String message : ValidationSyntax.dns1123Subdomain(hostname)) {
                        errors.invalidString(INVALID_HOST_ALIAS, Where.at(path.field("hostnames").index(j)), hostname,
                                message, "Host names are lower-case DNS names.");
                    }
                }
            }
        }
    }
}
