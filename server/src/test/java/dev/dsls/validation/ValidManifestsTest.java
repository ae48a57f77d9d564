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

    private static String read(String resource) throws IOException {
        try (InputStream in = ValidManifestsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
