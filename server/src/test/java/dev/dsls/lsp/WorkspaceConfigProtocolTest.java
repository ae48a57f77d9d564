package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reads the workspace's .dsls/config.yaml as the CLI does, and says what is wrong with it. */
class WorkspaceConfigProtocolTest {
    private static final String DEMO = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: demo\nspec:\n"
            + "  selector:\n    matchLabels: {app: demo}\n  template:\n    metadata:\n      labels: {app: demo}\n"
            + "    spec:\n      containers:\n      - name: demo\n        image: busybox:latest\n";

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

    private static List<String> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getCode().getLeft()).distinct().sorted().toList();
    }

    @Test
    void theConfigurationAppliesAndItsProblemsAreDiagnosticsOnIt() throws Exception {
        Path config = Files.createDirectories(workspace.resolve(".dsls")).resolve("config.yaml");
        Files.writeString(config, "checks:\n  disabled: [latest-tag]\n  severity: {missing-memory-limit: error}\nminSeverty: error\n");
        client.initialize(workspace, true, null);
        var published = client.awaitDiagnostics(config.toUri().toString(), p -> !p.getDiagnostics().isEmpty());
        Diagnostic unknownKey = published.getDiagnostics().get(0);
        assertEquals("config-unknown-key", unknownKey.getCode().getLeft());
        assertEquals("Unknown key \"minSeverty\"; did you mean \"minSeverity\"?", unknownKey.getMessage().getLeft());
        assertEquals(3, unknownKey.getRange().getStart().getLine());
        String uri = workspace.resolve("ds.yaml").toUri().toString();
        client.open(uri, DEMO);
        var checked = client.awaitDiagnostics(uri, p -> Integer.valueOf(1).equals(p.getVersion()));
        assertEquals(false, codes(checked.getDiagnostics()).contains("latest-tag"), codes(checked.getDiagnostics()).toString());
        assertEquals(List.of("error"), checked.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals("missing-memory-limit"))
                .map(d -> d.getSeverity().name().toLowerCase()).toList());
        Files.writeString(config, "checks:\n  disabled: []\n");
        // The configuration's own diagnostics are published first, then every open document is checked again.
        client.awaitDiagnostics(config.toUri().toString(), p -> p.getDiagnostics().isEmpty());
        client.awaitDiagnostics(uri, p -> codes(p.getDiagnostics()).contains("latest-tag"));
    }
}
