package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.diagnostics.Severity;
import org.junit.jupiter.api.Test;

/** What the API server accepts with a warning (pkg/api/pod/warnings.go): severity warning, reason "Warning". */
class ApiWarningsTest {
    @Test
    void warningsAreWarnings() {
        assertTrue(ApiProblems.apiDiagnostics(withPodSpec("terminationGracePeriodSeconds: -1")).stream()
                .allMatch(d -> d.severity() == Severity.WARNING));
    }

    @Test
    void negativeTerminationGracePeriod() {
        assertApi(withPodSpec("terminationGracePeriodSeconds: -1"),
                "-1|spec.template.spec.terminationGracePeriodSeconds|Warning|must be >= 0; negative values are invalid"
                        + " and will be treated as 1...");
    }

    @Test
    void duplicateAndOverlappingPorts() {
        assertApi(daemonSet("", "", "ports:\n- {containerPort: 8080}\n- {containerPort: 8080, hostPort: 80}") + """
                      - name: sidecar
                        image: example.com/sidecar:1.0
                        ports: [{containerPort: 8080}]
                """,
                "8080|spec.template.spec.containers[0].ports[1]|Warning|overlapping port definition with"
                        + " spec.template.spec.containers[0].ports[0]...",
                "8080|spec.template.spec.containers[1].ports[0]|Warning|duplicate port definition with"
                        + " spec.template.spec.containers[0].ports[0]...",
                "8080|spec.template.spec.containers[1].ports[0]|Warning|overlapping port definition with"
                        + " spec.template.spec.containers[0].ports[1]...");
        assertAccepted(withContainer("ports:\n- {containerPort: 53, protocol: UDP}\n- {containerPort: 53}"));
    }

    @Test
    void hostIpWithoutHostPort() {
        assertApi(withContainer("ports:\n- {containerPort: 80, hostIP: 10.0.0.1}"),
                "10.0.0.1|spec.template.spec.containers[0].ports[0].hostIP|Warning|hostIP set without hostPort:"
                        + " {Name: HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.1}...");
    }

    @Test
    void deprecatedNodeLabels() {
        assertApi(withPodSpec("""
                nodeSelector:
                  beta.kubernetes.io/os: linux
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions: [{key: failure-domain.beta.kubernetes.io/zone, operator: Exists}]
                """),
                "beta.kubernetes.io/os|spec.template.spec.nodeSelector[beta.kubernetes.io/os]|Warning|deprecated since"
                        + " v1.14; use \"kubernetes.io/os\" instead...",
                "failure-domain.beta.kubernetes.io/zone|spec.template.spec.affinity.nodeAffinity."
                        + "requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key|"
                        + "Warning|failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use"
                        + " \"topology.kubernetes.io/zone\" instead...");
    }

    @Test
    void duplicateEnvThatHidesTheEarlierValue() {
        assertApi(withContainer("""
                env:
                - {name: PATH, value: /bin}
                - {name: PATH, value: "$(PATH):/opt/bin"}
                - {name: LEVEL, value: info}
                - {name: LEVEL, value: debug}
                """),
                "LEVEL|spec.template.spec.containers[0].env[3].name|Warning|hides previous definition of \"LEVEL\","
                        + " which may be dropped when using apply...");
    }

    @Test
    void fractionalBytes() {
        assertApi(withContainer("resources:\n  requests: {memory: 100m}"),
                "100m|spec.template.spec.containers[0].resources.requests[memory]|Warning|fractional byte value"
                        + " \"100m\" is invalid, must be an integer. \"m\" means thousandths...");
    }

    @Test
    void deprecatedVolumePluginsAndAnnotations() {
        String yaml = daemonSet("", "volumes:\n- name: src\n  gitRepo: {repository: \"https://example.com/r.git\"}", "")
                .replace("        app: agent\n", "        app: agent\n      annotations:\n"
                        + "        scheduler.alpha.kubernetes.io/critical-pod: \"\"\n");
        assertApi(yaml,
                "scheduler.alpha.kubernetes.io/critical-pod|spec.template.metadata.annotations[scheduler.alpha."
                        + "kubernetes.io/critical-pod]|Warning|non-functional in v1.16+; use the \"priorityClassName\""
                        + " field instead...",
                "gitRepo|spec.template.spec.volumes[0].gitRepo|Warning|deprecated in v1.11...");
    }

    @Test
    void duplicateListEntries() {
        assertApi(withPodSpec("imagePullSecrets: [{name: regcred}, {name: regcred}]"),
                "regcred|spec.template.spec.imagePullSecrets[1].name|Warning|duplicate name \"regcred\"...");
    }

    @Test
    void nullLabelSelectors() {
        assertApi(withPodSpec("topologySpreadConstraints:\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable:"
                        + " ScheduleAnyway}"),
                "{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}|spec.template.spec."
                        + "topologySpreadConstraints[0].labelSelector|Warning|a null labelSelector results in matching"
                        + " no pod...");
    }
}
