package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.cli.CliRunner;
import dev.dsls.lsp.LspTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thousands of random edits, incremental and full, sent through the protocol as an editor sends them;
 * the server's diagnostics for the final version must be those of a fresh {@code dsls check} of the
 * final text, and diagnostics never arrive for an older version after a newer one. The client keeps its
 * own copy of the text with its own (line-counting) position arithmetic, independent of the server's.
 */
class EditStormTest {
    /** Fragments typed into the manifest: YAML structure, DaemonSet keys and values, and noise. */
    private static final List<String> TOKENS = List.of("\n", "  ", "- ", ": ", "#", "{", "}", "[", "]", "\"", "'",
            "&a ", "*a", "<<: *a\n", "---\n", "...\n", "\t", "é", "日本", "app: demo\n", "nodeSelector:\n  disk: ssd\n",
            "tolerations:\n- operator: Exists\n", "replicas: 3\n", "kind: DaemonSet\n", "apiVersion: apps/v1\n",
            "image: busybox\n", "cpu: 100m\n", "updateStrategy: {type: OnDelete}\n", "name: x\n", "x", "yes", "null");

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path workspace;

    @ParameterizedTest(name = "seed {0}: {1} edits to {2}")
    @CsvSource({"1, 1500, ds.demo.yaml", "2, 1500, ds.demo.v2.rollingUpdate.yaml"})
    void finalDiagnosticsEqualAFreshCheckAndVersionsNeverGoBack(long seed, int edits, String sample) throws Exception {
        Random random = new Random(seed);
        String text = Files.readString(SAMPLES.resolve(sample));
        String uri = workspace.resolve("storm.yaml").toUri().toString();
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(workspace, true, null);
            client.open(uri, text);
            int version = 1;
            int applied = 0;
            while (applied < edits) {
                List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count && applied < edits; i++, applied++) {
                    if (random.nextInt(50) == 0) {
                        text = Files.readString(SAMPLES.resolve(sample));
                        changes.add(new TextDocumentContentChangeEvent(text));
                    } else {
                        Edit edit = Edit.random(random, text);
                        changes.add(new TextDocumentContentChangeEvent(new Range(position(text, edit.start()),
                                position(text, edit.end())), edit.replacement()));
                        text = text.substring(0, edit.start()) + edit.replacement() + text.substring(edit.end());
                    }
                }
                client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, ++version), changes));
                if (random.nextInt(60) == 0) {
                    Thread.sleep(150); // a pause in typing longer than the debounce: intermediate versions get published
                }
            }
            int finalVersion = version;
            PublishDiagnosticsParams last = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> client.awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == finalVersion));

            assertEquals(freshCheck(text), render(last), "final text:\n" + text);
            List<Integer> versions = client.allDiagnostics.stream().filter(p -> p.getUri().equals(uri))
                    .map(PublishDiagnosticsParams::getVersion).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i) >= versions.get(i - 1), "published versions in order: " + versions);
            }
            assertTrue(versions.size() > 2, "intermediate versions were published too: " + versions);
        }
    }

    /** One incremental edit: replace [start, end) of the text, never splitting a line break pair. */
    private record Edit(int start, int end, String replacement) {
        static Edit random(Random random, String text) {
            int start = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), start + (random.nextBoolean() ? 0 : random.nextInt(24)));
            String replacement = switch (random.nextInt(3)) {
                case 0 -> "";
                case 1 -> TOKENS.get(random.nextInt(TOKENS.size()));
                default -> TOKENS.get(random.nextInt(TOKENS.size())) + TOKENS.get(random.nextInt(TOKENS.size()));
            };
            return new Edit(start, end, replacement);
        }
    }

    /** An offset as an LSP position: lines end at \n (the storm types no \r), characters are UTF-16 units. */
    private static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }

    /** {@code dsls check --format json} of the text, each diagnostic as "severity code range: message". */
    private List<String> freshCheck(String text) throws Exception {
        Path file = workspace.resolve("final.yaml");
        Files.writeString(file, text);
        CliRunner.Result result = CliRunner.run("check", "--format", "json", file.toString());
        List<String> rendered = new ArrayList<>();
        JsonObject checked = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
        for (JsonElement element : checked.getAsJsonArray("diagnostics")) {
            JsonObject d = element.getAsJsonObject();
            JsonObject range = d.getAsJsonObject("range");
            rendered.add(String.format("%s %s %s-%s: %s", d.get("severity").getAsString(), d.get("code").getAsString(),
                    at(range.getAsJsonObject("start")), at(range.getAsJsonObject("end")), d.get("message").getAsString()));
        }
        return rendered;
    }

    private static String at(JsonObject position) {
        return position.get("line").getAsInt() + ":" + position.get("character").getAsInt();
    }

    private static List<String> render(PublishDiagnosticsParams published) {
        return published.getDiagnostics().stream().map(d -> String.format("%s %s %d:%d-%d:%d: %s",
                d.getSeverity().name().toLowerCase(java.util.Locale.ROOT), d.getCode().getLeft(),
                d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter(),
                d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter(), d.getMessage().getLeft())).toList();
    }
}
