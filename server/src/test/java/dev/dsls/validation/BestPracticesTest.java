package dev.dsls.validation;

import dev.dsls.analysis.CheckOptions;

import static dev.dsls.testing.Problems.assertProblemsWithCodes;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.testing.Problems;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Best practices after kube-linter and Polaris, tuned for node agents. */
class BestPracticesTest {
    @Test
    void imageTags() {
        String yaml = withContainer("") + """
                      - {name: b, image: "busybox:latest"}
                      - {name: c, image: "registry:5000/agent"}
                      - {name: d, image: "registry:5000/agent:1.2"}
                      - {name: e, image: "agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
                """;
        assertProblemsWithCodes(yaml, List.of(BestPractices.LATEST_TAG),
                "\"busybox:latest\"|The image \"busybox:latest\" uses :latest...",
                "\"registry:5000/agent\"|The image \"registry:5000/agent\" has no tag (it means :latest)...");
    }

    @Test
    void resources() {
        List<String> codes = List.of(BestPractices.MISSING_CPU_REQUEST, BestPractices.MISSING_MEMORY_REQUEST,
                BestPractices.MISSING_MEMORY_LIMIT, BestPractices.MISSING_CPU_LIMIT);
        assertProblemsWithCodes(withContainer(""), codes,
                "agent|Container \"agent\" has no CPU limit...",
                "agent|Container \"agent\" requests no CPU...",
                "agent|Container \"agent\" has no memory limit...",
                "agent|Container \"agent\" requests no memory...");
        assertProblemsWithCodes(withContainer("resources:\n  limits: {cpu: 100m, memory: 64Mi}"), codes);
        assertProblemsWithCodes(withContainer("resources:\n  requests: {cpu: 100m, memory: 64Mi}"), codes,
                "resources|Container \"agent\" has no CPU limit...",
                "resources|Container \"agent\" has no memory limit...");
    }

    @Test
    void privilegedAgentsGetInformationNotWarnings() {
        List<Diagnostic> found = Problems.analyze(daemonSet("", "hostNetwork: true\nhostPID: true\nhostIPC: true",
                "securityContext: {privileged: true}")).stream()
                .filter(d -> Set.of(BestPractices.PRIVILEGED_CONTAINER, BestPractices.HOST_NETWORK,
                        BestPractices.HOST_PID, BestPractices.HOST_IPC).contains(d.code())).toList();
        assertEquals(4, found.size());
        found.forEach(d -> assertEquals(Severity.INFORMATION, d.severity(), d.code()));
    }

    @Test
    void containerHardening() {
        List<String> codes = List.of(BestPractices.PRIVILEGE_ESCALATION, BestPractices.RUN_AS_ROOT,
                BestPractices.WRITABLE_ROOT_FILESYSTEM, BestPractices.NET_RAW_NOT_DROPPED,
                BestPractices.DANGEROUS_CAPABILITY);
        assertProblemsWithCodes(withContainer("securityContext:\n  capabilities: {add: [NET_ADMIN, CHOWN]}"), codes,
                "securityContext|Container \"agent\" keeps NET_RAW...",
                "securityContext|Container \"agent\" may gain more privileges...",
                "securityContext|Container \"agent\" may run as root...",
                "securityContext|Container \"agent\" can write to its root filesystem...",
                "NET_ADMIN|Container \"agent\" adds NET_ADMIN...");
        assertProblemsWithCodes(daemonSet("", "securityContext: {runAsNonRoot: true, runAsUser: 1000}", """
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                """), codes);
    }

    @Test
    void hostMounts() {
        assertProblemsWithCodes(withPodSpec("""
                volumes:
                - {name: root, hostPath: {path: /}}
                - {name: etc, hostPath: {path: /etc/}}
                - {name: logs, hostPath: {path: /var/log}}
                - {name: docker, hostPath: {path: /var/run/docker.sock}}
                - {name: containerd, hostPath: {path: /run/containerd/containerd.sock}}
                """), List.of(BestPractices.SENSITIVE_HOST_MOUNT, BestPractices.RUNTIME_SOCKET_MOUNT),
                "/|hostPath / exposes a system directory of the node...",
                "/etc/|hostPath /etc/ exposes a system directory of the node...",
                "/var/run/docker.sock|Mounting the container runtime socket (/var/run/docker.sock)...",
                "/run/containerd/containerd.sock|Mounting the container runtime socket...");
    }

    @Test
    void probes() {
        List<String> codes = List.of(BestPractices.MISSING_READINESS_PROBE, BestPractices.MISSING_LIVENESS_PROBE,
                BestPractices.PROBE_PORT_NOT_DECLARED);
        assertProblemsWithCodes(withContainer(""), codes,
                "agent|Container \"agent\" has no livenessProbe...",
                "agent|Container \"agent\" has no readinessProbe...");
        assertProblemsWithCodes(withContainer("""
                ports: [{name: metrics, containerPort: 9100}]
                livenessProbe: {httpGet: {port: healthz}}
                readinessProbe: {tcpSocket: {port: 9200}}
                """), codes,
                "healthz|The livenessProbe uses the port name \"healthz\", which the container does not declare...",
                "9200|The readinessProbe probes port 9200, which is not among the container's ports...");
        assertProblemsWithCodes(withContainer("""
                ports: [{name: metrics, containerPort: 9100}]
                livenessProbe: {httpGet: {port: metrics}}
                readinessProbe: {httpGet: {port: 9100}}
                """), codes);
    }

    @Test
    void podLevelPractices() {
        List<String> codes = List.of(BestPractices.MISSING_PRIORITY_CLASS, BestPractices.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN,
                BestPractices.DEPRECATED_SERVICE_ACCOUNT_FIELD);
        assertProblemsWithCodes(withPodSpec("serviceAccount: agent"), codes,
                "serviceAccount|serviceAccount is a deprecated alias of serviceAccountName...",
                "containers|A service account token is mounted on every node...",
                "containers|No priorityClassName...");
        assertProblemsWithCodes(withPodSpec("priorityClassName: system-node-critical\n"
                + "automountServiceAccountToken: false"), codes);
    }

    @Test
    void secretsSysctlsAndSsh() {
        assertProblemsWithCodes(daemonSet("", "securityContext:\n  sysctls:\n  - {name: net.core.somaxconn, value:"
                        + " \"1024\"}\n  - {name: net.ipv4.tcp_syncookies, value: \"1\"}", """
                ports: [{containerPort: 22}]
                env:
                - {name: API_TOKEN, value: s3cr3t}
                - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                - {name: LOG_LEVEL, value: info}
                """), List.of(BestPractices.UNSAFE_SYSCTL, BestPractices.ENV_VAR_SECRET, BestPractices.SSH_PORT),
                "net.core.somaxconn|The sysctl net.core.somaxconn is not in the kubelet's safe set...",
                "22|Port 22 suggests an SSH server on every node...",
                "s3cr3t|The variable API_TOKEN looks like a secret written into the manifest...");
    }

    @Test
    void checksCanBeTurnedOffPerRunAndPerObject() {
        String yaml = withContainer("");
        CheckOptions options = new CheckOptions(Set.of(BestPractices.MISSING_CPU_REQUEST), List.of());
        assertEquals(0, Problems.analyze(yaml, options).stream()
                .filter(d -> d.code().equals(BestPractices.MISSING_CPU_REQUEST)).count());
        String annotated = yaml.replaceFirst("  name: agent\n", "  name: agent\n  annotations:\n"
                + "    ignore-check.dsls.dev/missing-liveness-probe: \"the agent has no health endpoint\"\n");
        assertEquals(0, Problems.analyze(annotated).stream()
                .filter(d -> d.code().equals(BestPractices.MISSING_LIVENESS_PROBE)).count());
    }
}
