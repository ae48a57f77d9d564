package dev.dsls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as editors start it: {@code dsls lsp} in its own process, speaking over stdio. */
class LspProcessTest {
    @TempDir
    Path workspace;

    private static Process startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.dsls.cli.Main", "lsp")
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    @Test
    void servesOverStdioAndExitsZeroAfterShutdownAndExit() throws Exception {
        Process process = startServer();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (InputStream err = process.getErrorStream()) {
                err.transferTo(stderr);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        drain.start();
        try (LspTestClient client = new LspTestClient()) {
            client.connect(process.getInputStream(), process.getOutputStream());
            client.initialize(workspace, true, null);
            String uri = workspace.resolve("ds.yaml").toUri().toString();
            client.open(uri, "apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  minReadySeconds: 5\n");
            var hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(3, 4))).get(20, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("minReadySeconds"));
            assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().contains("ready (Kubernetes 1.36 semantics)")),
                    "the server introduces itself through window/logMessage");
            client.server.shutdown().get(10, TimeUnit.SECONDS);
            client.server.exit();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the server exits after exit");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
        drain.join(5000);
        assertTrue(!stderr.toString(StandardCharsets.UTF_8).contains("ready"),
                "stderr is kept for warnings and errors: editors file every stderr line as an error");
    }

    @Test
    void exitsWhenTheEditorProcessDies() throws Exception {
        Process editor = new ProcessBuilder("sleep", "30").start();
        Process server = startServer();
        try (LspTestClient client = new LspTestClient()) {
            client.connect(server.getInputStream(), server.getOutputStream());
            InitializeParams params = new InitializeParams();
            params.setProcessId((int) editor.pid());
            params.setCapabilities(LspTestClient.capabilities(false));
            params.setWorkspaceFolders(List.of());
            client.server.initialize(params).get(20, TimeUnit.SECONDS);
            editor.destroyForcibly().waitFor();
            assertTrue(server.waitFor(15, TimeUnit.SECONDS), "the server notices its parent is gone");
        } finally {
            server.destroyForcibly();
            editor.destroyForcibly();
        }
    }

    @Test
    void stdoutCarriesOnlyJsonRpc() throws Exception {
        Process process = startServer();
        try {
            OutputStream in = process.getOutputStream();
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";
            in.write(("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            String exit = "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";
            in.write(("Content-Length: " + exit.length() + "\r\n\r\n" + exit).getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(out.startsWith("Content-Length: "), out);
            assertEquals(1, process.exitValue(), "exit without shutdown is the spec's abnormal exit");
        } finally {
            process.destroyForcibly();
        }
    }
}
