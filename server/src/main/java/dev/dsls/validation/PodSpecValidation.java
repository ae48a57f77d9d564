package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_DNS_CONFIG;
import static dev.dsls.validation.ValidationCodes.INVALID_DNS_POLICY;
import static dev.dsls.validation.ValidationCodes.INVALID_HOST_ALIAS;
import static dev.dsls.validation.ValidationCodes.INVALID_POD_REFERENCE;
import static dev.dsls.validation.ValidationCodes.INVALID_PORT;
import static dev.dsls.validation.ValidationCodes.RESTART_POLICY;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.List;
import java.util.Map;

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
        ContainerValidation.validateContainers(podSpec, volumes, errors);
        ContainerValidation.validateInitContainers(podSpec, volumes, errors);
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
        TopologySpreadValidation.validateTopologySpreadConstraints(podSpec, errors);
        validateHostUsers(podSpec, errors);
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
