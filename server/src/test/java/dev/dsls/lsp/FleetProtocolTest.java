package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet through the protocol: the server previews an open DaemonSet with every DaemonSet of its
 * workspace folder, open or not, and answers {@code dsls/fleet}.
 */
class FleetProtocolTest {
    private static final Path FLEET = Path.of("..", "samples", "fleet").toAbsolutePath().normalize();

    @TempDir
    Path workspace;

    private void copySample() throws IOException {
        try (Stream<Path> files = Files.walk(FLEET)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = workspace.resolve(FLEET.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void anOpenDaemonSetSharesTheNodesWithTheFolderOnesAndSaysWhoTookTheRoom() throws Exception {
        copySample();
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(workspace, true, null);
            String uri = workspace.resolve("fluent-bit.yaml").toUri().toString();
            client.open(uri, Files.readString(workspace.resolve("fluent-bit.yaml")));
            PublishDiagnosticsParams published = client.awaitDiagnostics(uri, params -> params.getDiagnostics().stream()
                    .anyMatch(d -> d.getMessage().getLeft().contains("room taken by")));
            Diagnostic summary = published.getDiagnostics().stream()
                    .filter(d -> "placement-summary".equals(d.getCode().getLeft())).findFirst().orElseThrow();
            assertEquals("Placement: runs on 4 of 6 nodes · 2 pending: room taken by kube-system/cilium,"
                    + " kube-system/ebs-csi-node, kube-system/kube-proxy · new nodes: gpu-pool- runs.", summary.getMessage().getLeft());
            List<CodeLens> lenses = client.server.getTextDocumentService()
                    .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS)
                    .stream().map(CodeLens.class::cast).toList();
            assertTrue(lenses.get(0).getCommand().getTitle().startsWith("runs on 4 of 6 nodes · 2 pending: room taken by"),
                    lenses.get(0).getCommand().getTitle());
        }
    }

    @Test
    void dslsFleetReturnsTheBudgetAndTheTable() throws Exception {
        copySample();
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(workspace, true, null);
            String uri = workspace.resolve("cilium.yaml").toUri().toString();
            client.open(uri, Files.readString(workspace.resolve("cilium.yaml")));
            client.awaitDiagnostics(uri, params -> !params.getDiagnostics().isEmpty());
            JsonObject fleet = client.server.fleet(new JsonObject()).get(10, TimeUnit.SECONDS);
            assertEquals(5, fleet.getAsJsonArray("daemonSets").size(), fleet.toString());
            assertEquals("[\"m5.xlarge\",\"p3.2xlarge\",\"t3.small\"]", fleet.getAsJsonArray("groups").asList().stream()
                    .map(g -> "\"" + g.getAsJsonObject().get("key").getAsString() + "\"").toList().toString()
                    .replace(" ", ""));
            assertTrue(fleet.get("text").getAsString().contains("pending in t3.small: logging/fluent-bit on 2 nodes"),
                    fleet.get("text").getAsString());
            JsonObject cilium = fleet.getAsJsonArray("daemonSets").get(0).getAsJsonObject();
            assertEquals(uri, cilium.get("uri").getAsString());
        }
    }

    @Test
    void anEditOfOneDaemonSetChangesWhatTheOtherOpenOneIsTold() throws Exception {
        copySample();
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(workspace, true, null);
            String logs = workspace.resolve("fluent-bit.yaml").toUri().toString();
            String cni = workspace.resolve("cilium.yaml").toUri().toString();
            client.open(logs, Files.readString(workspace.resolve("fluent-bit.yaml")));
            client.awaitDiagnostics(logs, params -> params.getDiagnostics().stream()
                    .anyMatch(d -> d.getMessage().getLeft().contains("room taken by")));
            String cilium = Files.readString(workspace.resolve("cilium.yaml"));
            client.open(cni, cilium);
            // cilium asks for 700Mi more: fluent-bit now finds no room on the small nodes even on its own share.
            client.server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(cni, 2), List.of(
                    new org.eclipse.lsp4j.TextDocumentContentChangeEvent(cilium.replace("memory: 300Mi",
                            "memory: 1000Mi")))));
            PublishDiagnosticsParams after = client.awaitDiagnostics(logs, params -> params.getDiagnostics().stream()
                    .anyMatch(d -> d.getMessage().getLeft().contains("held by the daemon pods of kube-system/cilium")
                            && d.getMessage().getLeft().contains("needs memory 1100Mi, 306Mi free")));
            assertTrue(after.getDiagnostics().size() > 0);
        }
    }
}
