package dev.dsls.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.testing.Problems;
import dev.dsls.yaml.TextIndex;
import java.util.List;

/**
 * Builds small DaemonSets around a snippet and asserts what the API server would say about them,
 * as {@code covered text|field|reason|message} ("..." at the end matches any rest of the message).
 */
final class ApiProblems {
    private ApiProblems() {
    }

    /** A valid DaemonSet with extra lines in the DaemonSet spec, the pod spec and the first container. */
    static String daemonSet(String specLines, String podSpecLines, String containerLines) {
        return """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  selector:
                    matchLabels:
                      app: agent
                """ + indent(specLines, 2) + """
                  template:
                    metadata:
                      labels:
                        app: agent
                    spec:
                """ + indent(podSpecLines, 6) + """
                      containers:
                      - name: agent
                        image: example.com/agent:1.0
                """ + indent(containerLines, 8);
    }

    static String withContainer(String containerLines) {
        return daemonSet("", "", containerLines);
    }

    static String withPodSpec(String podSpecLines) {
        return daemonSet("", podSpecLines, "");
    }

    static String withSpec(String specLines) {
        return daemonSet(specLines, "", "");
    }

    private static String indent(String lines, int spaces) {
        if (lines.isEmpty()) {
            return "";
        }
        String prefix = " ".repeat(spaces);
        StringBuilder out = new StringBuilder();
        for (String line : lines.stripIndent().split("\n")) {
            if (!line.isBlank()) {
                out.append(prefix).append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** What the API server reports: errors and its warnings (best practices left out). */
    static List<Diagnostic> apiDiagnostics(String yaml) {
        return Problems.analyze(yaml).stream().filter(d -> d.field() != null || d.severity() == Severity.ERROR)
                .toList();
    }

    static List<String> render(String yaml, List<Diagnostic> diagnostics) {
        TextIndex index = new TextIndex(yaml);
        return diagnostics.stream().map(d -> Problems.covered(index, d.range()) + "|" + d.field() + "|" + d.reason()
                + "|" + d.message()).toList();
    }

    /** Asserts the API diagnostics, in position order. */
    static void assertApi(String yaml, String... expected) {
        List<String> actual = render(yaml, apiDiagnostics(yaml));
        String all = "diagnostics were:\n" + String.join("\n", actual);
        assertEquals(expected.length, actual.size(), all);
        for (int i = 0; i < expected.length; i++) {
            String want = expected[i];
            String got = actual.get(i);
            if (want.endsWith("...")) {
                String prefix = want.substring(0, want.length() - 3);
                assertEquals(prefix, got.substring(0, Math.min(prefix.length(), got.length())), all);
            } else {
                assertEquals(want, got, all);
            }
        }
    }

    /** Asserts that the API server would accept the manifest without errors or warnings. */
    static void assertAccepted(String yaml) {
        assertApi(yaml);
    }
}
