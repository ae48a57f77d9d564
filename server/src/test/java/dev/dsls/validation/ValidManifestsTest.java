package dev.dsls.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.testing.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DaemonSets shaped like the ones real projects ship, all accepted by the API server: no error and
 * no API warning may be reported (best-practice findings are fine).
 */
class ValidManifestsTest {
    @ParameterizedTest
    @ValueSource(strings = {"kube-proxy.yaml", "calico-node.yaml", "fluent-bit.yaml", "node-exporter.yaml",
            "nvidia-device-plugin.yaml"})
    void realAgentsAreAccepted(String file) throws IOException {
        String yaml = read("/manifests/valid/" + file);
        List<Diagnostic> diagnostics = Problems.analyze(yaml);
        assertFalse(diagnostics.isEmpty(), "best practices should have something to say");
        List<String> apiFindings = Problems.render(yaml, diagnostics.stream()
                .filter(d -> d.severity() == Severity.ERROR || d.field() != null).toList());
        assertEquals(List.of(), apiFindings, file);
    }

    @Test
    @DisplayName("ValidatePodTemplateSpec (1.36): container restart rules, env files, pod-level resources, spec.os")
    void kubernetes136FeaturesAreAccepted() {
        ApiProblems.assertAccepted("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  selector:
                    matchLabels:
                      app: agent
                  template:
                    metadata:
                      labels:
                        app: agent
                      annotations:
                        controller.kubernetes.io/pod-deletion-cost: "-10"
                        seccomp.security.alpha.kubernetes.io/pod: runtime/default
                    spec:
                      os: {name: linux}
                      hostnameOverride: agent-node
                      securityContext:
                        seccompProfile: {type: RuntimeDefault}
                      resources:
                        limits: {cpu: "1", memory: 512Mi}
                      initContainers:
                      - name: setup
                        image: busybox:1.36
                        restartPolicy: Never
                        volumeMounts: [{name: env, mountPath: /env}]
                      - name: proxy
                        image: example.com/proxy:1.0
                        restartPolicy: Always
                      containers:
                      - name: agent
                        image: example.com/agent:1.0
                        restartPolicy: OnFailure
                        restartPolicyRules:
                        - {action: Restart, exitCodes: {operator: In, values: [42]}}
                        envFrom:
                        - configMapRef: {name: agent-}
                        env:
                        - name: TOKEN
                          valueFrom: {fileKeyRef: {volumeName: env, path: agent.env, key: TOKEN}}
                        resizePolicy:
                        - {resourceName: cpu, restartPolicy: NotRequired}
                        resources:
                          requests: {cpu: 100m, memory: 128Mi}
                          limits: {memory: 256Mi}
                        volumeMounts: [{name: token, mountPath: /var/run/agent}]
                      volumes:
                      - {name: env, emptyDir: {}}
                      - name: token
                        projected:
                          sources:
                          - serviceAccountToken: {path: token, expirationSeconds: 3600}
                """);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ValidManifestsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
