package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/**
 * The CLI and the server are one language service: the same files give the same codes at the same ranges.
 * The CLI is given every sample at once, as the server sees every sample of its workspace folder: both
 * preview the DaemonSets together.
 */
class CliServerParityTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @Test
    void checkAndTheServerReportTheSameDiagnosticsForEverySample() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.startsWith(SAMPLES.resolve(".dsls"))
                    && !f.startsWith(SAMPLES.resolve("nvim"))).sorted().toList();
        }
        assertTrue(files.size() >= 9, "samples: " + files);
        Map<String, List<String>> cli = cli(files);
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(SAMPLES, true, null);
            awaitInventory(client, 3);
            for (Path file : files) {
                String uri = file.toUri().toString();
                client.open(uri, Files.readString(file));
                PublishDiagnosticsParams published = client.awaitDiagnostics(uri, p -> Integer.valueOf(1).equals(p.getVersion()));
                assertEquals(cli.get(file.toString()), server(published.getDiagnostics()), file.toString());
            }
        }
    }

    /** Per file given, "code@range" of each diagnostic of one {@code check} run over all of them. */
    private static Map<String, List<String>> cli(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--nodes",
                SAMPLES.resolve(".dsls/inventory.yaml").toString()));
        files.forEach(file -> args.add(file.toString()));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        Map<String, List<String>> byFile = new HashMap<>();
        for (JsonElement checked : json.getAsJsonArray("files")) {
            byFile.put(checked.getAsJsonObject().get("path").getAsString(), diagnostics(checked.getAsJsonObject()));
        }
        return byFile;
    }

    private static List<String> diagnostics(JsonObject checked) {
        List<String> found = new ArrayList<>();
        for (JsonElement diagnostic : checked.getAsJsonArray("diagnostics")) {
            JsonObject d = diagnostic.getAsJsonObject();
            JsonObject start = d.getAsJsonObject("range").getAsJsonObject("start");
            JsonObject end = d.getAsJsonObject("range").getAsJsonObject("end");
            found.add(d.get("code").getAsString() + "@" + start.get("line") + ":" + start.get("character") + "-"
                    + end.get("line") + ":" + end.get("character"));
        }
        return found;
    }

    private static List<String> server(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getCode().getLeft() + "@" + d.getRange().getStart().getLine() + ":"
                + d.getRange().getStart().getCharacter() + "-" + d.getRange().getEnd().getLine() + ":"
                + d.getRange().getEnd().getCharacter()).toList();
    }

    private static void awaitInventory(LspTestClient client, int nodes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (client.server.inventory(new JsonObject()).get(10, TimeUnit.SECONDS).get("nodes").getAsInt() == nodes) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the inventory never reached " + nodes + " nodes");
    }
}
