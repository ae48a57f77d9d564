package dev.dsls.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.analysis.CheckOptions;
import dev.dsls.analysis.ManifestAnalyzer;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YamlParser;
import java.util.List;
import java.util.function.Predicate;

/**
 * Asserts diagnostics in the readable form {@code covered text|message}: the text the diagnostic's
 * range covers, a bar, and the message (or its start, when the expected string ends in "...").
 */
public final class Problems {
    private Problems() {
    }

    public static List<Diagnostic> analyze(String yaml) {
        return analyze(yaml, CheckOptions.DEFAULT);
    }

    public static List<Diagnostic> analyze(String yaml, CheckOptions options) {
        return new ManifestAnalyzer().analyze(new YamlParser().parse(yaml), options);
    }

    /** Each diagnostic as "covered text|message". */
    public static List<String> render(String text, List<Diagnostic> diagnostics) {
        TextIndex index = new TextIndex(text);
        return diagnostics.stream().map(d -> covered(index, d.range()) + "|" + d.message()).toList();
    }

    public static String covered(TextIndex index, Range range) {
        return index.text().substring(index.offsetAt(range.start()), index.offsetAt(range.end()));
    }

    /** Asserts the diagnostics with the given codes, in position order; "..." at the end of an expectation matches any rest. */
    public static void assertProblems(String yaml, List<Diagnostic> diagnostics, String... expected) {
        List<String> actual = render(yaml, diagnostics);
        assertEquals(expected.length, actual.size(), () -> "diagnostics were:\n" + String.join("\n", actual));
        for (int i = 0; i < expected.length; i++) {
            String want = expected[i];
            String got = actual.get(i);
            if (want.endsWith("...")) {
                String prefix = want.substring(0, want.length() - 3);
                assertEquals(prefix, got.substring(0, Math.min(prefix.length(), got.length())),
                        "diagnostics were:\n" + String.join("\n", actual));
            } else {
                assertEquals(want, got, "diagnostics were:\n" + String.join("\n", actual));
            }
        }
    }

    /** Runs the analyzer and asserts only the diagnostics whose code is one of {@code codes}. */
    public static void assertProblemsWithCodes(String yaml, List<String> codes, String... expected) {
        Predicate<Diagnostic> wanted = d -> codes.contains(d.code());
        assertProblems(yaml, analyze(yaml).stream().filter(wanted).toList(), expected);
    }
}
