package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.dsls.testing.Cursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement through the protocol, over a workspace holding the chapter's kind cluster as its inventory. */
class PlacementProtocolTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path workspace;
    LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(workspace.resolve(".dsls"));
        Files.copy(SAMPLES.resolve(".dsls/inventory.yaml"), workspace.resolve(".dsls/inventory.yaml"));
        client = LspTestClient.inProcess();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private String openSample(String name) throws Exception {
        String uri = workspace.resolve(name).toUri().toString();
        client.open(uri, Files.readString(SAMPLES.resolve(name)));
        return uri;
    }

    private List<CodeLens> lenses(String uri) throws Exception {
        return client.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                .get(10, TimeUnit.SECONDS).stream().map(CodeLens.class::cast).toList();
    }

    private void awaitInventory(int nodes) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (client.server.inventory(new JsonObject()).get(10, TimeUnit.SECONDS).get("nodes").getAsInt() == nodes) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the inventory never reached " + nodes + " nodes");
    }

    @Test
    void theDemoDaemonSetRunsOnTwoOfThreeNodes() throws Exception {
        client.initialize(workspace, true, null);
        awaitInventory(3);
        String uri = openSample("ds.demo.yaml");
        CodeLens lens = lenses(uri).get(0);
        assertEquals("runs on 2 of 3 nodes · excluded: kind-control-plane (taint node-role.kubernetes.io/control-plane:NoSchedule)",
                lens.getCommand().getTitle());
        assertEquals("dsls.showPlacement", lens.getCommand().getCommand());
        assertEquals(4, lens.getRange().getStart().getLine());

        JsonObject preview = client.server.placement(new PlacementParams(new TextDocumentIdentifier(uri), null))
                .get(10, TimeUnit.SECONDS);
        JsonObject demo = preview.getAsJsonArray("daemonSets").get(0).getAsJsonObject();
        assertEquals("demo", demo.get("name").getAsString());
        assertEquals(2, demo.getAsJsonObject("status").get("desiredNumberScheduled").getAsInt());
        assertEquals(1, demo.getAsJsonObject("rollout").get("maxUnavailable").getAsInt());
        JsonObject controlPlane = demo.getAsJsonArray("nodes").asList().stream().map(e -> e.getAsJsonObject())
                .filter(n -> n.get("name").getAsString().equals("kind-control-plane")).findFirst().orElseThrow();
        assertEquals(false, controlPlane.get("desired").getAsBoolean());
        assertEquals("taint", controlPlane.getAsJsonArray("reasons").get(0).getAsJsonObject().get("code").getAsString());

        Object viaCommand = client.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("dsls.showPlacement",
                List.of(uri, new Position(4, 6)))).get(10, TimeUnit.SECONDS);
        assertEquals(preview.getAsJsonArray("daemonSets"), new com.google.gson.Gson().toJsonTree(viaCommand).getAsJsonObject().getAsJsonArray("daemonSets"));
    }

    @Test
    void hoverOnKindShowsTheNodesAndWhy() throws Exception {
        client.initialize(workspace, true, null);
        awaitInventory(3);
        String uri = openSample("ds.demo.yaml");
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(4, 8))).get(10, TimeUnit.SECONDS);
        String text = hover.getContents().getRight().getValue();
        assertTrue(text.startsWith("**Placement** · runs on 2 of 3 nodes"), text);
        assertTrue(text.contains("`kind-control-plane` no: "), text);
        assertTrue(text.contains("near miss: add the toleration"), text);
    }

    @Test
    void nodeSelectorCompletionComesFromTheInventory() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        Cursor cursor = Cursor.of(Files.readString(SAMPLES.resolve("ds.demo.nodeSelector.yaml"))
                .replace("        gpu: cuda\n", "        gpu: cuda\n        <*>\n"));
        String uri = workspace.resolve("typing.yaml").toUri().toString();
        client.open(uri, cursor.text());
        List<CompletionItem> items = client.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(uri), new Position(cursor.position().line(), cursor.position().character())))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
        CompletionItem os = items.stream().filter(i -> i.getLabel().equals("kubernetes.io/os")).findFirst().orElseThrow();
        assertEquals("kubernetes.io/os · on 3 of 3 nodes", os.getDetail());
        assertEquals("kubernetes.io/os: ", os.getTextEdit().getLeft().getNewText());
        assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("node-role.kubernetes.io/control-plane")
                && i.getDetail().equals("node-role.kubernetes.io/control-plane · on 1 of 3 nodes")));

        Cursor value = Cursor.of(cursor.text().replace("        \n", "        kubernetes.io/hostname: kind<*>\n"));
        client.open(uri, value.text());
        List<String> values = client.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(uri), new Position(value.position().line(), value.position().character())))
                .get(10, TimeUnit.SECONDS).getRight().getItems().stream().map(CompletionItem::getDetail).toList();
        assertEquals(List.of("kubernetes.io/hostname=kind-control-plane · 1 of 3 nodes",
                "kubernetes.io/hostname=kind-worker · 1 of 3 nodes", "kubernetes.io/hostname=kind-worker2 · 1 of 3 nodes"), values);
    }

    @Test
    void tolerationCompletionNamesTheTaintedNodes() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        Cursor cursor = Cursor.of(Files.readString(SAMPLES.resolve("ds.demo.yaml"))
                .replace("      containers:\n", "      tolerations:\n      - key: <*>\n      containers:\n"));
        String uri = workspace.resolve("tolerate.yaml").toUri().toString();
        client.open(uri, cursor.text());
        List<CompletionItem> items = client.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(uri), new Position(cursor.position().line(), cursor.position().character())))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
        assertEquals("node-role.kubernetes.io/control-plane", items.get(0).getLabel());
        assertEquals("node-role.kubernetes.io/control-plane:NoSchedule · on kind-control-plane", items.get(0).getDetail());
    }

    @Test
    void anInventoryFileChangeRepublishesDiagnostics() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        String uri = openSample("ds.demo.nodeSelector.yaml");
        client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream().anyMatch(d -> "placement-no-nodes".equals(d.getCode().getLeft())));
        String labelled = Files.readString(workspace.resolve(".dsls/inventory.yaml"))
                .replace("      kubernetes.io/hostname: kind-worker2\n", "      kubernetes.io/hostname: kind-worker2\n      gpu: cuda\n");
        Files.writeString(workspace.resolve(".dsls/inventory.yaml"), labelled);
        var republished = client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream()
                .anyMatch(d -> d.getMessage().getLeft().startsWith("Placement: runs on 1 of 3 nodes")));
        assertTrue(republished.getDiagnostics().stream().noneMatch(d -> "placement-no-nodes".equals(d.getCode().getLeft())));
    }

    @Test
    void aMalformedInventoryKeepsTheLastGoodOneAndIsReportedOnItsFile() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        Path inventory = workspace.resolve(".dsls/inventory.yaml");
        Files.writeString(inventory, "apiVersion: v1\nkind: List\nitems: [\n");
        client.awaitDiagnostics(inventory.toUri().toString(), p -> !p.getDiagnostics().isEmpty());
        awaitInventory(3);
        String uri = openSample("ds.demo.yaml");
        assertTrue(lenses(uri).get(0).getCommand().getTitle().startsWith("runs on 2 of 3 nodes"));
    }

    @Test
    void aFileWithItsOwnNodesIsASelfContainedWhatIf() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        String uri = openSample("what-if/gpu-on-kind-worker2.yaml");
        assertEquals("runs on 1 of 3 nodes · excluded: kind-control-plane (nodeSelector gpu=cuda +1 more), kind-worker (nodeSelector gpu=cuda)",
                lenses(uri).get(0).getCommand().getTitle());
    }

    @Test
    void settingsNameTheInventoryFiles() throws Exception {
        Files.move(workspace.resolve(".dsls/inventory.yaml"), workspace.resolve("nodes.yaml"));
        client.initialize(workspace, false, LspTestClient.json("{\"settings\":{\"dsls\":{\"inventory\":[\"*.yaml\"]}}}"));
        awaitInventory(3);
        JsonObject inventory = client.server.inventory(new JsonObject()).get(10, TimeUnit.SECONDS);
        assertTrue(inventory.getAsJsonArray("files").get(0).getAsString().endsWith("nodes.yaml"));
    }

    @Test
    void deletingTheDefaultInventoryKeepsTheLastGoodOneAndSaysSo() throws Exception {
        client.initialize(workspace, false, null);
        awaitInventory(3);
        Path inventory = workspace.resolve(".dsls/inventory.yaml");
        Files.delete(inventory);
        client.awaitDiagnostics(inventory.toUri().toString(), p -> !p.getDiagnostics().isEmpty());
        awaitInventory(3);
    }
}
