package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.testing.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dsls.kubernetesVersion setting and the configuration's kubernetesVersion choose what the server checks against. */
class KubernetesVersionProtocolTest {
    /** The demo with pod-level resources (1.32 and later) on line 13, counted from 0. */
    private static final String POD_LEVEL_RESOURCES = Manifests.DEMO.replace("    spec:\n      containers:",
            "    spec:\n      resources:\n        limits: {cpu: \"1\", memory: 1Gi}\n      containers:");

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

    private static List<org.eclipse.lsp4j.Diagnostic> unknownFields(PublishDiagnosticsParams params) {
        return params.getDiagnostics().stream().filter(d -> "unknown-field".equals(d.getCode().getLeft())).toList();
    }

    private void configure(String kubernetesVersion) {
        client.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                LspTestClient.json("{\"settings\":{\"dsls\":{\"kubernetesVersion\":\"" + kubernetesVersion + "\"}}}")));
    }

    @Test
    void theSettingChangesTheVersionAndTheDiagnosticsArePublishedAgain() throws Exception {
        client.initialize(workspace, false, null);
        String uri = workspace.resolve("ds.yaml").toUri().toString();
        client.open(uri, POD_LEVEL_RESOURCES);
        assertEquals(List.of(), unknownFields(client.awaitDiagnostics(uri, p -> Integer.valueOf(1).equals(p.getVersion()))));
        configure("1.31");
        org.eclipse.lsp4j.Diagnostic error = unknownFields(client.awaitDiagnostics(uri, p -> !unknownFields(p).isEmpty()))
                .get(0);
        assertEquals("strict decoding error: unknown field \"spec.template.spec.resources\": Kubernetes 1.31 does not"
                + " have it (it is in 1.32 and later); remove it, or target a version that has it with"
                + " --kubernetes-version or kubernetesVersion in .dsls/config.yaml", error.getMessage().getLeft());
        assertEquals(13, error.getRange().getStart().getLine());
        assertEquals(6, error.getRange().getStart().getCharacter());
        configure("");
        client.awaitDiagnostics(uri, p -> unknownFields(p).isEmpty());
    }

    @Test
    void anUnsupportedSettingIsLoggedAndTheConfigurationsVersionApplies() throws Exception {
        Files.createDirectories(workspace.resolve(".dsls"));
        Files.writeString(workspace.resolve(".dsls/config.yaml"), "kubernetesVersion: \"1.31\"\n");
        client.initialize(workspace, false, LspTestClient.json("{\"settings\":{\"dsls\":{\"kubernetesVersion\":\"1.30\"}}}"));
        String uri = workspace.resolve("ds.yaml").toUri().toString();
        client.open(uri, POD_LEVEL_RESOURCES);
        client.awaitDiagnostics(uri, p -> unknownFields(p).size() == 1
                && unknownFields(p).get(0).getMessage().getLeft().contains("Kubernetes 1.31 does not have it"));
        assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().equals("dsls.kubernetesVersion: 1.30 is not a"
                + " Kubernetes version dsls supports; the supported versions are 1.31, 1.32, 1.33, 1.34, 1.35 and 1.36;"
                + " checking against kubernetesVersion in .dsls/config.yaml, else the newest")), client.logs.toString());
        configure("1.36");
        client.awaitDiagnostics(uri, p -> unknownFields(p).isEmpty());
        String hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(13, 8))).get(10, TimeUnit.SECONDS).getContents().getRight().getValue();
        assertTrue(hover.contains("Since Kubernetes 1.32.") && hover.contains("Kubernetes 1.36 · apps/v1 DaemonSet"), hover);
    }
}
