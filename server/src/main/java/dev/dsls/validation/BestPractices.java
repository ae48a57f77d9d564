package dev.dsls.validation;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Best practices for node agents, after kube-linter and Polaris. Each finding has its own code.
 * Node agents (CNI, storage, log and metrics daemons) legitimately need host access, so findings
 * about host namespaces, privileged mode and host mounts are information with the reason, not
 * warnings; checks that make no sense for a DaemonSet (replicas, disruption budgets, anti-affinity,
 * topology spread) are left out.
 */
public final class BestPractices implements ObjectCheck {
    public static final String LATEST_TAG = "latest-tag";
    public static final String MISSING_CPU_REQUEST = "missing-cpu-request";
    public static final String MISSING_MEMORY_REQUEST = "missing-memory-request";
    public static final String MISSING_MEMORY_LIMIT = "missing-memory-limit";
    public static final String MISSING_CPU_LIMIT = "missing-cpu-limit";
    public static final String PRIVILEGED_CONTAINER = "privileged-container";
    public static final String PRIVILEGE_ESCALATION = "privilege-escalation";
    public static final String RUN_AS_ROOT = "run-as-root";
    public static final String WRITABLE_ROOT_FILESYSTEM = "writable-root-filesystem";
    public static final String DANGEROUS_CAPABILITY = "dangerous-capability";
    public static final String NET_RAW_NOT_DROPPED = "net-raw-not-dropped";
    public static final String HOST_NETWORK = "host-network";
    public static final String HOST_PID = "host-pid";
    public static final String HOST_IPC = "host-ipc";
    public static final String SENSITIVE_HOST_MOUNT = "sensitive-host-mount";
    public static final String RUNTIME_SOCKET_MOUNT = "runtime-socket-mount";
    public static final String MISSING_READINESS_PROBE = "missing-readiness-probe";
    public static final String MISSING_LIVENESS_PROBE = "missing-liveness-probe";
    public static final String PROBE_PORT_NOT_DECLARED = "probe-port-not-declared";
    public static final String MISSING_PRIORITY_CLASS = "missing-priority-class";
    public static final String AUTOMOUNT_SERVICE_ACCOUNT_TOKEN = "automount-service-account-token";
    public static final String DEPRECATED_SERVICE_ACCOUNT_FIELD = "deprecated-service-account-field";
    public static final String ENV_VAR_SECRET = "env-var-secret";
    public static final String UNSAFE_SYSCTL = "unsafe-sysctl";
    public static final String SSH_PORT = "ssh-port";

    /** kube-linter sensitive-host-mounts: whole system directories of the node. */
    private static final Set<String> SENSITIVE_HOST_PATHS = Set.of("/", "/boot", "/dev", "/etc", "/lib", "/proc",
            "/sys", "/usr");
    private static final Pattern RUNTIME_SOCKET = Pattern.compile(".*/(docker|containerd|crio|cri-dockerd)\\.sock$");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|api_?key).*");
    private static final Set<String> DANGEROUS_CAPABILITIES = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN");
    /** The kubelet's safe sysctls (pkg/kubelet/sysctl/safe_sysctls.go); others need --allowed-unsafe-sysctls. */
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
            "net.ipv4.tcp_wmem");

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        YMap podSpec = Fields.map(Fields.map(Fields.map(daemonSet.root(), "spec"), "template"), "spec");
        if (podSpec == null) {
            return;
        }
        checkPodSpec(daemonSet, podSpec, sink);
        for (String list : List.of("initContainers", "containers")) {
            boolean regular = list.equals("containers");
            for (YNode node : Fields.items(podSpec, list)) {
                YMap container = Fields.map(node);
                if (container != null) {
                    checkContainer(podSpec, container, regular, sink);
                }
            }
        }
    }

    private void checkPodSpec(ManifestObject daemonSet, YMap podSpec, DiagnosticSink sink) {
        hostNamespace(podSpec, "hostNetwork", HOST_NETWORK, "the pods share the node's network stack and see all"
                + " its traffic. CNI plugins, kube-proxy and node exporters need this; other agents should use a"
                + " pod IP (and a hostPort if the node must be reachable).", sink);
        hostNamespace(podSpec, "hostPID", HOST_PID, "the containers see and can signal every process of the"
                + " node. Process monitors and debuggers need this; other agents do not.", sink);
        hostNamespace(podSpec, "hostIPC", HOST_IPC, "the containers share the node's IPC namespace (shared"
                + " memory, semaphores); almost no agent needs this.", sink);
        if (!Fields.isSet(podSpec, "priorityClassName")) {
            sink.report(Severity.INFORMATION, MISSING_PRIORITY_CLASS, keyOrHeader(daemonSet, podSpec, "containers"),
                    "No priorityClassName: when a node is full, this agent's pod waits like any other pod and"
                            + " can be evicted first. Node agents usually set priorityClassName:"
                            + " system-node-critical (or system-cluster-critical).");
        }
        if (!Fields.isFalse(podSpec, "automountServiceAccountToken")) {
            sink.report(Severity.INFORMATION, AUTOMOUNT_SERVICE_ACCOUNT_TOKEN, keyOrHeader(daemonSet, podSpec,
                    Fields.isSet(podSpec, "automountServiceAccountToken") ? "automountServiceAccountToken"
                            : "containers"), "A service account token is mounted on every node. If the agent never"
                    + " calls the Kubernetes API, set automountServiceAccountToken: false so a compromised node"
                    + " does not hand out API credentials.");
        }
        YEntry serviceAccount = podSpec.entry("serviceAccount");
        if (serviceAccount != null) {
            sink.report(Severity.WARNING, DEPRECATED_SERVICE_ACCOUNT_FIELD, serviceAccount.key().range(),
                    "serviceAccount is a deprecated alias of serviceAccountName; use serviceAccountName"
                            + " (when both are set, serviceAccountName wins).");
        }
        List<YNode> volumes = Fields.items(podSpec, "volumes");
        for (YNode node : volumes) {
            YMap hostPath = Fields.map(Fields.map(node), "hostPath");
            String path = Fields.string(hostPath, "path");
            if (path == null || path.isEmpty()) {
                continue;
            }
            String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            Range range = hostPath.get("path").range();
            if (RUNTIME_SOCKET.matcher(normalized).matches()) {
                sink.report(Severity.WARNING, RUNTIME_SOCKET_MOUNT, range, "Mounting the container runtime socket"
                        + " (" + path + ") gives full control of every container on the node, i.e. root on the"
                        + " node. Only mount it if the agent manages containers, and never in a multi-tenant"
                        + " cluster.");
            } else if (SENSITIVE_HOST_PATHS.contains(normalized)) {
                sink.report(Severity.INFORMATION, SENSITIVE_HOST_MOUNT, range, "hostPath " + path + " exposes a"
                        + " system directory of the node. Log and metrics agents read such paths; mount them"
                        + " readOnly: true and as narrowly as possible (e.g. /var/log instead of /).");
            }
        }
        List<YNode> sysctls = Fields.items(Fields.map(podSpec, "securityContext"), "sysctls");
        for (YNode node : sysctls) {
            YMap sysctl = Fields.map(node);
            String name = Fields.string(sysctl, "name");
            if (name != null && !name.isEmpty() && !SAFE_SYSCTLS.contains(name.replace('/', '.'))) {
                sink.report(Severity.WARNING, UNSAFE_SYSCTL, sysctl.get("name").range(), "The sysctl " + name
                        + " is not in the kubelet's safe set: pods fail with SysctlForbidden on every node whose"
                        + " kubelet does not list it in --allowed-unsafe-sysctls. A node agent usually sets node"
                        + " sysctls directly (privileged init container) instead.");
            }
        }
    }

    private static void hostNamespace(YMap podSpec, String field, String code, String why, DiagnosticSink sink) {
        if (Fields.isTrue(podSpec, field)) {
            sink.report(Severity.INFORMATION, code, podSpec.entry(field).key().range(), field + " is on: " + why);
        }
    }

    private void checkContainer(YMap podSpec, YMap container, boolean regular, DiagnosticSink sink) {
        Range anchor = anchor(container);
        String name = Fields.string(container, "name");
        String label = name == null || name.isEmpty() ? "This container" : "Container \"" + name + "\"";
        if (Fields.node(container, "image") instanceof YScalar image && Fields.isString(image)
                && !image.value().isEmpty()) {
            checkImageTag(image, sink);
        }
        checkResources(container, label, anchor, sink);
        checkSecurityContext(podSpec, container, label, anchor, sink);
        if (regular) {
            checkProbes(container, label, anchor, sink);
        }
        for (YNode node : Fields.items(container, "env")) {
            YMap variable = Fields.map(node);
            String variableName = Fields.string(variable, "name");
            String value = Fields.string(variable, "value");
            if (variableName != null && value != null && !value.isEmpty()
                    && SECRET_NAME.matcher(variableName).matches() && !value.startsWith("$(")) {
                sink.report(Severity.WARNING, ENV_VAR_SECRET, variable.get("value").range(), "The variable "
                        + variableName + " looks like a secret written into the manifest, where everyone who can"
                        + " read the DaemonSet sees it. Put it in a Secret and use valueFrom.secretKeyRef.");
            }
        }
        for (YNode node : Fields.items(container, "ports")) {
            YMap port = Fields.map(node);
            Long containerPort = Fields.integer(port, "containerPort", 0);
            if (containerPort != null && containerPort == 22) {
                sink.report(Severity.WARNING, SSH_PORT, port.get("containerPort").range(), "Port 22 suggests an SSH"
                        + " server on every node: prefer kubectl exec or node-level access.");
            }
        }
    }

    private void checkImageTag(YScalar image, DiagnosticSink sink) {
        String reference = image.value();
        if (reference.contains("@")) {
            return;
        }
        boolean tagged = Defaults.ImageReference.hasExplicitTag(reference);
        String tag = Defaults.ImageReference.tag(reference);
        if (!tagged || "latest".equals(tag)) {
            sink.report(Severity.WARNING, LATEST_TAG, image.range(), String.format("The image \"%s\" %s, so every"
                    + " node may run a different build and a rollout cannot be told apart from the last one; pin a"
                    + " version tag or digest.", reference, tagged ? "uses :latest" : "has no tag (it means :latest)"));
        }
    }

    private void checkResources(YMap container, String label, Range anchor, DiagnosticSink sink) {
        YMap resources = Fields.map(container, "resources");
        YMap requests = Fields.map(resources, "requests");
        YMap limits = Fields.map(resources, "limits");
        Range where = resources != null ? container.entry("resources").key().range() : anchor;
        // A limit without a request makes the request equal to the limit, so it counts as a request.
        boolean cpuRequest = Fields.isSet(requests, "cpu") || Fields.isSet(limits, "cpu");
        boolean memoryRequest = Fields.isSet(requests, "memory") || Fields.isSet(limits, "memory");
        if (!cpuRequest) {
            sink.report(Severity.WARNING, MISSING_CPU_REQUEST, where, label + " requests no CPU: the scheduler"
                    + " reserves nothing for it on the node and it is the first to starve. Set"
                    + " resources.requests.cpu (e.g. 50m).");
        }
        if (!memoryRequest) {
            sink.report(Severity.WARNING, MISSING_MEMORY_REQUEST, where, label + " requests no memory: under"
                    + " memory pressure it is evicted first. Set resources.requests.memory (e.g. 64Mi).");
        }
        if (!Fields.isSet(limits, "memory")) {
            sink.report(Severity.WARNING, MISSING_MEMORY_LIMIT, where, label + " has no memory limit: a leak in"
                    + " this agent can exhaust the memory of every node at once. Set resources.limits.memory.");
        }
        if (!Fields.isSet(limits, "cpu")) {
            sink.report(Severity.INFORMATION, MISSING_CPU_LIMIT, where, label + " has no CPU limit. That is often"
                    + " deliberate (limits throttle bursts); set resources.limits.cpu if the agent must never take"
                    + " more than its share of a node.");
        }
    }

    private void checkSecurityContext(YMap podSpec, YMap container, String label, Range anchor,
                                      DiagnosticSink sink) {
        YMap context = Fields.map(container, "securityContext");
        YMap podContext = Fields.map(podSpec, "securityContext");
        Range where = context != null ? container.entry("securityContext").key().range() : anchor;
        boolean privileged = Fields.isTrue(context, "privileged");
        if (privileged) {
            sink.report(Severity.INFORMATION, PRIVILEGED_CONTAINER, context.entry("privileged").key().range(),
                    label + " is privileged: it has every capability and all host devices, i.e. root on the node."
                            + " CNI and storage plugins need this; other agents should add only the capabilities"
                            + " they use.");
            return;
        }
        if (!Fields.isFalse(context, "allowPrivilegeEscalation")) {
            sink.report(Severity.WARNING, PRIVILEGE_ESCALATION, where, label + " may gain more privileges than it"
                    + " starts with (setuid binaries). Set securityContext.allowPrivilegeEscalation: false.");
        }
        boolean nonRoot = Fields.isSet(context, "runAsNonRoot") ? Fields.isTrue(context, "runAsNonRoot")
                : Fields.isTrue(podContext, "runAsNonRoot");
        Long user = Fields.isSet(context, "runAsUser") ? Fields.integer(context, "runAsUser", 0)
                : Fields.isSet(podContext, "runAsUser") ? Fields.integer(podContext, "runAsUser", 0) : null;
        if (!nonRoot && (user == null || user == 0)) {
            sink.report(Severity.WARNING, RUN_AS_ROOT, where, label + " may run as root. Set runAsNonRoot: true"
                    + " and a runAsUser above 0, unless the agent needs root on the node.");
        }
        if (!Fields.isTrue(context, "readOnlyRootFilesystem")) {
            sink.report(Severity.INFORMATION, WRITABLE_ROOT_FILESYSTEM, where, label + " can write to its root"
                    + " filesystem. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.");
        }
        YMap capabilities = Fields.map(context, "capabilities");
        Set<String> dropped = new HashSet<>();
        for (YNode node : Fields.items(capabilities, "drop")) {
            if (node instanceof YScalar scalar) {
                dropped.add(scalar.value().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""));
            }
        }
        for (YNode node : Fields.items(capabilities, "add")) {
            if (node instanceof YScalar scalar
                    && DANGEROUS_CAPABILITIES.contains(scalar.value().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))) {
                sink.report(Severity.WARNING, DANGEROUS_CAPABILITY, scalar.range(), label + " adds "
                        + scalar.value() + ", which is close to root on the node. Network agents may need"
                        + " NET_ADMIN; otherwise add only the narrow capabilities the agent uses.");
            }
        }
        if (!dropped.contains("NET_RAW") && !dropped.contains("ALL")) {
            sink.report(Severity.INFORMATION, NET_RAW_NOT_DROPPED, where, label + " keeps NET_RAW, which allows"
                    + " packet spoofing on the node's networks. Add capabilities.drop: [\"ALL\"] (or NET_RAW).");
        }
    }

    private void checkProbes(YMap container, String label, Range anchor, DiagnosticSink sink) {
        if (!Fields.isSet(container, "readinessProbe")) {
            sink.report(Severity.INFORMATION, MISSING_READINESS_PROBE, anchor, label + " has no readinessProbe:"
                    + " a rolling update moves on to the next node as soon as the container starts, even if the"
                    + " agent is not working yet.");
        }
        if (!Fields.isSet(container, "livenessProbe")) {
            sink.report(Severity.INFORMATION, MISSING_LIVENESS_PROBE, anchor, label + " has no livenessProbe: a"
                    + " hung agent keeps running until someone restarts it.");
        }
        Set<String> portNames = new HashSet<>();
        Set<Long> portNumbers = new HashSet<>();
        for (YNode node : Fields.items(container, "ports")) {
            YMap port = Fields.map(node);
            String portName = Fields.string(port, "name");
            Long number = Fields.integer(port, "containerPort", 0);
            if (portName != null && !portName.isEmpty()) {
                portNames.add(portName);
            }
            if (number != null) {
                portNumbers.add(number);
            }
        }
        for (String kind : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            YMap probe = Fields.map(container, kind);
            for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                YNode port = Fields.node(Fields.map(probe, handler), "port");
                if (!(port instanceof YScalar scalar)) {
                    continue;
                }
                if (Fields.isString(scalar) && !portNames.contains(scalar.value())) {
                    sink.report(Severity.WARNING, PROBE_PORT_NOT_DECLARED, scalar.range(), "The " + kind + " uses"
                            + " the port name \"" + scalar.value() + "\", which the container does not declare: the"
                            + " kubelet cannot resolve it and the probe fails. Declare it under ports or use the"
                            + " number.");
                } else if (Fields.integerValue(scalar) != null && !portNumbers.contains(Fields.integerValue(scalar))) {
                    sink.report(Severity.INFORMATION, PROBE_PORT_NOT_DECLARED, scalar.range(), "The " + kind
                            + " probes port " + scalar.value() + ", which is not among the container's ports."
                            + " Declare it (with a name) so the probe and the port stay in sync.");
                }
            }
        }
    }

    /** Where to mark a container-wide finding: its name, else its first line. */
    private static Range anchor(YMap container) {
        YNode name = container.get("name");
        return name != null ? name.range() : container.range();
    }

    private static Range keyOrHeader(ManifestObject daemonSet, YMap map, String key) {
        YEntry entry = map.entry(key);
        return entry != null ? entry.key().range() : daemonSet.headerRange();
    }
}
