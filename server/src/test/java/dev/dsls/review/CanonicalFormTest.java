package dev.dsls.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.schema.ManifestObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pod templates compared as the API server stores them: formatting, key order and its defaults do not count. */
class CanonicalFormTest {
    private static final String BASE = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                  - name: agent
                    image: busybox:1.36
                    ports:
                    - containerPort: 9100
                    resources:
                      requests: {cpu: 500m, memory: 1Gi}
            """;

    private static ManifestObject daemonSet(String yaml) {
        return ManifestFile.read("ds.yaml", yaml.getBytes(StandardCharsets.UTF_8)).daemonSets().get(0);
    }

    private static boolean sameTemplate(String a, String b) {
        return CanonicalForm.template(CanonicalForm.daemonSet(daemonSet(a)))
                .equals(CanonicalForm.template(CanonicalForm.daemonSet(daemonSet(b))));
    }

    /** "same" or "different" per variant of the base. */
    private static List<String> compared(String... variants) {
        return java.util.Arrays.stream(variants).map(v -> sameTemplate(BASE, v) ? "same" : "different").toList();
    }

    @Test
    void theDefaultsOfThePodSpecContainersAndPortsReadAsAbsent() {
        String explicit = BASE.replace("      containers:\n", """
                      restartPolicy: Always
                      dnsPolicy: ClusterFirst
                      schedulerName: default-scheduler
                      terminationGracePeriodSeconds: 30
                      securityContext: {}
                      hostNetwork: false
                      containers:
                """).replace("        image: busybox:1.36\n", """
                        image: busybox:1.36
                        imagePullPolicy: IfNotPresent
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                """).replace("- containerPort: 9100\n", "- containerPort: 9100\n          protocol: TCP\n");
        String reordered = """
                kind: DaemonSet
                apiVersion: apps/v1
                metadata: {name: agent}
                spec:
                  template:
                    spec:
                      containers:
                      - resources: {requests: {memory: 1024Mi, cpu: "0.5"}}
                        ports: [{containerPort: 9100}]
                        image: "busybox:1.36"
                        name: agent
                    metadata: {labels: {app: agent}}
                  selector: {matchLabels: {app: agent}}
                """;
        assertEquals(List.of("same", "same"), compared(explicit, reordered));
    }

    @Test
    void whatTheControllerHashesDiffers() {
        assertEquals(List.of("different", "different", "different", "different", "same"), compared(
                BASE.replace("busybox:1.36", "busybox:1.37"),
                BASE.replace("labels: {app: agent}\n    spec:", "labels: {app: agent, ver: v2}\n    spec:"),
                BASE.replace("cpu: 500m", "cpu: 600m"),
                BASE.replace("- containerPort: 9100\n", "- containerPort: 9100\n          protocol: UDP\n"),
                // the DaemonSet's own fields are not the template
                BASE.replace("  name: agent\n", "  name: agent\n  labels: {team: a}\n")
                        .replace("spec:\n  selector:", "spec:\n  minReadySeconds: 30\n  revisionHistoryLimit: 3\n"
                                + "  updateStrategy: {type: OnDelete}\n  selector:")));
    }

    @Test
    void thePullPolicyDefaultFollowsTheTag() {
        String latest = BASE.replace("busybox:1.36", "busybox");
        assertEquals(List.of(true, false, true), List.of(
                sameTemplate(latest, latest.replace("image: busybox\n", "image: busybox\n        imagePullPolicy: Always\n")),
                sameTemplate(latest, latest.replace("image: busybox\n", "image: busybox\n        imagePullPolicy: IfNotPresent\n")),
                sameTemplate(BASE, BASE.replace("image: busybox:1.36\n", "image: busybox:1.36\n        imagePullPolicy: IfNotPresent\n"))));
        assertEquals(List.of("latest", "latest", "1.36", "", "5000"), List.of(CanonicalForm.imageTag("busybox"),
                CanonicalForm.imageTag("busybox:latest"), CanonicalForm.imageTag("registry:5000/busybox:1.36"),
                CanonicalForm.imageTag("busybox@sha256:abc"), CanonicalForm.imageTag("registry:5000")));
    }

    @Test
    void theWholeDaemonSetGetsItsDefaultsTooAndTheSelectorReadsAsKubectlPrintsIt() {
        String explicit = BASE.replace("spec:\n  selector:", "spec:\n  revisionHistoryLimit: 10\n  updateStrategy:\n"
                + "    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 1, maxSurge: 0}\n  selector:")
                .replace("  name: agent\n", "  name: agent\n  namespace: default\n");
        assertEquals(CanonicalForm.daemonSet(daemonSet(BASE)), CanonicalForm.daemonSet(daemonSet(explicit)));
        String selector = BASE.replace("matchLabels: {app: agent}", "matchLabels: {app: agent}\n"
                + "    matchExpressions:\n    - {key: tier, operator: In, values: [a, b]}\n"
                + "    - {key: legacy, operator: DoesNotExist}");
        assertEquals("app=agent,tier in (a,b),!legacy",
                CanonicalForm.selectorText(CanonicalForm.selector(CanonicalForm.daemonSet(daemonSet(selector)))));
        assertEquals("<none>", CanonicalForm.selectorText(null));
    }
}
