package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.dsls.lsp.LspTestClient;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node inventory going wrong under a running server: a diagnostic on the inventory file where there
 * is one, the last good inventory kept in use, and a 100,000-node inventory in bounded memory.
 */
class InventoryFaultsTest {
    private static final Path SAMPLE_INVENTORY = Path.of("..", "samples", ".dsls", "inventory.yaml");
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path workspace;
    LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        client = LspTestClient.inProcess();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private void initializeWithInventory(String setting) throws Exception {
        client.initialize(workspace, false, LspTestClient.json("{\"dsls\": {\"inventory\": [\"" + setting + "\"]}}"));
    }

    private PublishDiagnosticsParams awaitProblemsOn(Path file, Predicate<PublishDiagnosticsParams> condition)
            throws InterruptedException {
        return client.awaitDiagnostics(file.toUri().toString(), condition);
    }

    private JsonObject inventory() throws Exception {
        return client.server.inventory(new JsonObject()).get(20, TimeUnit.SECONDS);
    }

    /** Waits until the server reports this many nodes in use. */
    private void awaitNodes(int nodes) throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (inventory().get("nodes").getAsInt() != nodes) {
            assertTrue(System.nanoTime() < deadline, "inventory never reached " + nodes + " nodes: " + inventory());
            Thread.sleep(50);
        }
    }

    private void fileChanged(Path file, FileChangeType type) {
        client.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(file.toUri().toString(), type))));
    }

    private static String message(PublishDiagnosticsParams params) {
        return params.getDiagnostics().get(0).getMessage().getLeft();
    }

    @Test
    void aMissingInventoryFileIsADiagnosticOnIt() throws Exception {
        initializeWithInventory("nodes.yaml");
        PublishDiagnosticsParams problems = awaitProblemsOn(workspace.resolve("nodes.yaml"), p -> !p.getDiagnostics().isEmpty());
        assertTrue(message(problems).endsWith("cannot read the node inventory: no such file; dsls keeps using the"
                + " last inventory that loaded."), message(problems));
        assertEquals(0, inventory().get("nodes").getAsInt());
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsADiagnosticOnIt() throws Exception {
        // CI runs as root, which reads any file whatever its mode: a directory is the unreadable file there.
        Files.createDirectory(workspace.resolve("nodes.yaml"));
        initializeWithInventory("nodes.yaml");
        PublishDiagnosticsParams problems = awaitProblemsOn(workspace.resolve("nodes.yaml"), p -> !p.getDiagnostics().isEmpty());
        assertTrue(message(problems).contains("is a directory"), message(problems));
    }

    @Test
    void anUnreadableFileIsADiagnosticOnIt() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads files of any mode");
        Path file = Files.writeString(workspace.resolve("nodes.yaml"), Files.readString(SAMPLE_INVENTORY));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        initializeWithInventory("nodes.yaml");
        PublishDiagnosticsParams problems = awaitProblemsOn(file, p -> !p.getDiagnostics().isEmpty());
        assertTrue(message(problems).contains("cannot read the node inventory"), message(problems));
    }

    @Test
    void aMalformedFileIsADiagnosticWhereItBreaks() throws Exception {
        Files.writeString(workspace.resolve("nodes.yaml"), "apiVersion: v1\nkind: List\nitems:\n- kind: Node\n  metadata: {name: [\n");
        initializeWithInventory("nodes.yaml");
        PublishDiagnosticsParams problems = awaitProblemsOn(workspace.resolve("nodes.yaml"), p -> !p.getDiagnostics().isEmpty());
        assertEquals("inventory-syntax", problems.getDiagnostics().get(0).getCode().getLeft());
        assertEquals("YAML syntax error: expected the node content, but found '<stream end>' (while parsing a flow"
                + " node).", message(problems).substring(message(problems).indexOf("YAML")));
        assertEquals(5, problems.getDiagnostics().get(0).getRange().getStart().getLine(), "the end, where [ is still open");
    }

    @Test
    void theLastGoodInventoryStaysInUseWhileTheFileIsBrokenOrGone() throws Exception {
        Path file = Files.createDirectories(workspace.resolve(".dsls")).resolve("inventory.yaml");
        Files.writeString(file, Files.readString(SAMPLE_INVENTORY));
        initializeWithInventory(".dsls/inventory.yaml");
        awaitNodes(3);

        Files.writeString(file, "items: [\n");
        fileChanged(file, FileChangeType.Changed);
        assertEquals("inventory-syntax", awaitProblemsOn(file, p -> !p.getDiagnostics().isEmpty())
                .getDiagnostics().get(0).getCode().getLeft());
        assertEquals(3, inventory().get("nodes").getAsInt(), "the kind cluster is still in use");

        Files.delete(file);
        fileChanged(file, FileChangeType.Deleted);
        assertTrue(message(awaitProblemsOn(file, p -> !p.getDiagnostics().isEmpty()
                && message(p).contains("no such file"))).contains("keeps using the last inventory"));
        assertEquals(3, inventory().get("nodes").getAsInt(), "still the kind cluster");

        String twoNodes = Files.readString(SAMPLE_INVENTORY);
        twoNodes = twoNodes.substring(0, twoNodes.lastIndexOf("- apiVersion: v1"));
        Files.writeString(file, twoNodes);
        fileChanged(file, FileChangeType.Created);
        awaitNodes(2);
        awaitProblemsOn(file, p -> p.getDiagnostics().isEmpty());
    }

    @Test
    void aHundredThousandNodesLoadInBoundedMemoryAndServeCompletion() throws Exception {
        Path file = workspace.resolve("nodes.json");
        writeNodes(file, 100_000);
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        initializeWithInventory("nodes.json");
        assertTimeoutPreemptively(GUARD, () -> awaitNodes(100_000));
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long retainedMb = (usedHeapAfterGc() - before) >> 20;

        String uri = workspace.resolve("ds.yaml").toUri().toString();
        client.open(uri, HostileInputs.DEMO.replace("    spec:\n", "    spec:\n      nodeSelector:\n        zone: \n"));
        List<CompletionItem> zones = client.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(uri), new Position(14, 14))).get(20, TimeUnit.SECONDS).getRight().getItems();
        assertEquals(10, zones.size(), zones.toString());
        System.out.printf("100,000-node inventory (%d MB of JSON): loaded in %d ms, %d MB of heap retained%n",
                Files.size(file) >> 20, loadMillis, retainedMb);
        assertTrue(retainedMb < 1024, retainedMb + " MB retained for 100,000 nodes");
    }

    /** {@code kubectl get nodes -o json} of a large cluster: ten zones, a hundred pools, some tainted nodes. */
    static void writeNodes(Path file, int count) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
            for (int i = 0; i < count; i++) {
                out.write(i == 0 ? "" : ",");
                out.write("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"node-" + i
                        + "\",\"labels\":{\"kubernetes.io/hostname\":\"node-" + i + "\",\"kubernetes.io/os\":\"linux\","
                        + "\"zone\":\"zone-" + (i % 10) + "\",\"pool\":\"pool-" + (i % 100) + "\"}},\"spec\":{"
                        + (i % 50 == 0 ? "\"taints\":[{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"}]" : "")
                        + "},\"status\":{\"allocatable\":{\"cpu\":\"8\",\"memory\":\"32Gi\",\"pods\":\"110\"}}}");
            }
            out.write("]}");
        }
    }

    static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
