package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.cli.CliRunner;
import dev.dsls.lsp.LspTestClient;
import dev.dsls.testing.Problems;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlParser;
import dev.dsls.yaml.YamlProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile YAML through {@code dsls check} and through one language server that sees them all: each ends
 * with its diagnostic, completion and hover answer anywhere in it, and the server keeps serving. The
 * timeouts only guard against hangs; {@link HostileInputReport} measures time and memory.
 */
class HostileYamlTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    static Path workspace;
    static LspTestClient client;

    @BeforeAll
    static void startServer() throws Exception {
        client = LspTestClient.inProcess();
        client.initialize(workspace, true, null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
    }

    static Stream<HostileInputs.Hostile> inputs() {
        return HostileInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void dslsCheckReportsIt(HostileInputs.Hostile input) throws Exception {
        Path file = workspace.resolve("check-" + input.name().hashCode() + ".yaml");
        Files.write(file, input.bytes().get());
        CliRunner.Result result = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRunner.run("check", "--format", "json", file.toString()));
        List<String> codes = checkDiagnostics(result).stream().map(d -> d.get("code").getAsString()).toList();
        if (input.expectedCode() == null) {
            assertEquals(List.of(), checkDiagnostics(result).stream().filter(d -> d.get("severity").getAsString()
                    .equals("error")).toList(), result.out());
            assertEquals(0, result.exitCode());
        } else {
            assertTrue(codes.contains(input.expectedCode()), codes.toString());
            assertEquals(1, result.exitCode(), "the diagnostic is an error");
        }
        Files.delete(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theLanguageServerReportsItAnswersEverywhereAndKeepsServing(HostileInputs.Hostile input) throws Exception {
        String uri = workspace.resolve("open-" + input.name().hashCode() + ".yaml").toUri().toString();
        PublishDiagnosticsParams published = assertTimeoutPreemptively(HANG_GUARD,
                () -> LspProbe.openAndProbe(client, uri, input.editorText()));
        List<String> codes = published.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
        if (input.editorCode() == null) {
            assertEquals(List.of(), published.getDiagnostics().stream()
                    .filter(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error).toList());
        } else {
            assertTrue(codes.contains(input.editorCode()), codes.toString());
        }
        client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        assertTimeoutPreemptively(HANG_GUARD, () -> LspProbe.assertStillServing(client,
                workspace.resolve("normal.yaml").toUri().toString()));
    }

    @Test
    void javaTagsConstructAndLoadNothing() throws Exception {
        String yaml = HostileInputs.javaTags();
        Path file = workspace.resolve("tags.yaml");
        Files.writeString(file, yaml);
        List<JsonObject> checked = checkDiagnostics(CliRunner.run("check", "--format", "json", file.toString()));
        LspProbe.openAndProbe(client, file.toUri().toString(), yaml);

        assertNull(System.getProperty("dsls.tripwire.initialized"),
                "a tag naming a class never loads it: Tripwire's static initializer did not run");
        List<JsonObject> tagProblems = checked.stream()
                .filter(d -> d.get("code").getAsString().equals(YamlParser.UNKNOWN_TAG)).toList();
        assertEquals(List.of(
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]",
                "!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]",
                "!!java.net.URL [\"http://127.0.0.1/\"]",
                "!!dev.dsls.reliability.Tripwire {armed: true}"),
                tagProblems.stream().map(d -> covered(yaml, d)).toList());
        assertEquals("The tag tag:yaml.org,2002:javax.script.ScriptEngineManager is not plain data; Kubernetes manifests"
                + " may only hold strings, numbers, booleans, lists and maps. Remove the tag.",
                tagProblems.get(0).get("message").getAsString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"byte order mark", "CRLF line endings", "lone CR line endings"})
    void positionsStayExactWithABomAndOtherLineEndings(String name) throws Exception {
        HostileInputs.Hostile input = HostileInputs.all().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
        Path file = workspace.resolve("positions.yaml");
        Files.write(file, input.bytes().get());
        JsonObject replicas = checkDiagnostics(CliRunner.run("check", "--format", "json", file.toString())).get(0);
        assertEquals("unknown-field", replicas.get("code").getAsString());
        assertEquals(JsonParser.parseString("{\"start\":{\"line\":5,\"character\":2},\"end\":{\"line\":5,\"character\":10}}"),
                replicas.get("range"), "line 6, the replicas key, as in the LF file");

        String uri = workspace.resolve("positions-" + name.hashCode() + ".yaml").toUri().toString();
        Diagnostic published = LspProbe.openAndProbe(client, uri, input.editorText().replace("\uFEFF", ""))
                .getDiagnostics().get(0);
        assertEquals(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(5, 2), new org.eclipse.lsp4j.Position(5, 10)),
                published.getRange());
    }

    @Test
    void anAliasBombStopsAsTheApiServerWouldAfterAFewThousandNodes() {
        YamlDocument bomb = new YamlParser().parse(HostileInputs.billionLaughs()).documents().get(0);
        YamlProblem problem = bomb.problems().get(0);
        assertEquals(YamlParser.ALIAS_LIMIT, problem.code());
        assertTrue(problem.message().matches("Expanding the aliases of this document gives \\d{4} nodes, \\d{4} of them"
                + " copies made by aliases; the Kubernetes API server rejects such excessive aliasing \\(an alias bomb\\)\\."
                + " Write the repeated parts out or use fewer aliases\\."), problem.message());
        assertNull(bomb.root());
    }

    @Test
    void ordinaryAliasUseIsNotMistakenForABomb() {
        StringBuilder yaml = new StringBuilder("base: &base {cpu: 100m, memory: 64Mi, a: 1, b: 2, c: 3}\nitems:\n");
        for (int i = 0; i < 90; i++) {
            yaml.append("- {name: item-").append(i).append(", a: 1, b: 2, c: 3, d: 4, e: 5, resources: *base}\n");
        }
        assertEquals(List.of(), new YamlParser().parse(yaml.toString()).documents().get(0).problems(),
                "540 copies among 1,180 nodes is 46%, below the API server's 99%");
    }

    @Test
    void aDisallowedCharacterIsReportedWhereItIsFarIntoALongDocument() {
        String yaml = "data:\n" + "  key: value\n".repeat(2_000) + "  nul: a\0b\n";
        YamlProblem problem = new YamlParser().parse(yaml).documents().get(0).problems().get(0);
        assertEquals(YamlParser.INVALID_CHARACTER, problem.code());
        assertEquals(Range.of(2_001, 8, 2_001, 9), problem.range());
    }

    @Test
    void aLongScalarKeepsTheRangesAfterIt() {
        String yaml = "a: \"" + "x".repeat(100_000) + "\"\nb: [c, d]\n";
        var root = new YamlParser().parse(yaml).documents().get(0).rootMap();
        assertEquals(100_000, root.text("a").length());
        assertEquals("[c, d]", Problems.covered(new TextIndex(yaml), root.get("b").range()));
    }

    private static List<JsonObject> checkDiagnostics(CliRunner.Result result) {
        List<JsonObject> diagnostics = new ArrayList<>();
        JsonObject file = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
        for (JsonElement diagnostic : file.getAsJsonArray("diagnostics")) {
            diagnostics.add(diagnostic.getAsJsonObject());
        }
        return diagnostics;
    }

    private static String covered(String yaml, JsonObject diagnostic) {
        JsonObject range = diagnostic.getAsJsonObject("range");
        return Problems.covered(new TextIndex(yaml), Range.of(
                range.getAsJsonObject("start").get("line").getAsInt(), range.getAsJsonObject("start").get("character").getAsInt(),
                range.getAsJsonObject("end").get("line").getAsInt(), range.getAsJsonObject("end").get("character").getAsInt()));
    }
}
