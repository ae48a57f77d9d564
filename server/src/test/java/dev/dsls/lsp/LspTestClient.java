package dev.dsls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A JSON-RPC client for protocol tests: it talks to a real dsls server over pipes (or a process's
 * stdio) and records what the server sends.
 */
public final class LspTestClient implements LanguageClient, AutoCloseable {
    public final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    public final List<PublishDiagnosticsParams> allDiagnostics = new CopyOnWriteArrayList<>();
    public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    public final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    public final AtomicInteger configurationRequests = new AtomicInteger();
    public final AtomicInteger exitCode = new AtomicInteger(-1);
    public volatile JsonElement configuration;
    public DslsServerApi server;
    private Future<Void> listening;
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** A server in this JVM, connected through pipes: the real JSON-RPC stack on both sides. */
    public static LspTestClient inProcess() throws IOException {
        // NIO pipes, unlike java.io's piped streams, do not break when a writing thread ends.
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        LspTestClient client = new LspTestClient();
        LspLauncher.start(Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()),
                code -> client.exitCode.set(code));
        client.connect(Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
        client.resources.add(toServer.sink());
        client.resources.add(toClient.sink());
        return client;
    }

    public void connect(InputStream in, OutputStream out) {
        Launcher<DslsServerApi> launcher = new LSPLauncher.Builder<DslsServerApi>()
                .setLocalService(this)
                .setRemoteInterface(DslsServerApi.class)
                .setInput(in)
                .setOutput(out)
                .create();
        server = launcher.getRemoteProxy();
        listening = launcher.startListening();
    }

    /** Client capabilities like VS Code's (snippets, markdown, configuration pull, file watching) or Neovim 0.7's (none of them). */
    public static ClientCapabilities capabilities(boolean rich) {
        ClientCapabilities capabilities = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        CompletionCapabilities completion = new CompletionCapabilities();
        CompletionItemCapabilities item = new CompletionItemCapabilities();
        item.setSnippetSupport(rich);
        completion.setCompletionItem(item);
        text.setCompletion(completion);
        HoverCapabilities hover = new HoverCapabilities();
        hover.setContentFormat(rich ? List.of("markdown", "plaintext") : List.of("plaintext"));
        text.setHover(hover);
        capabilities.setTextDocument(text);
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setConfiguration(rich);
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(rich));
        capabilities.setWorkspace(workspace);
        return capabilities;
    }

    public InitializeResult initialize(Path root, boolean rich, JsonObject initializationOptions) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities(rich));
        if (root != null) {
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
        }
        params.setInitializationOptions(initializationOptions);
        InitializeResult result = server.initialize(params).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    public void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
    }

    /** The next diagnostics published for the URI that satisfy the condition, waiting up to 10 s. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (params != null && params.getUri().equals(uri) && condition.test(params)) {
                return params;
            }
        }
        throw new AssertionError("no matching diagnostics for " + uri + "; published: " + allDiagnostics);
    }

    public static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        allDiagnostics.add(params);
        diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
        logs.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        logs.add(params);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        configurationRequests.incrementAndGet();
        List<Object> values = new ArrayList<>();
        params.getItems().forEach(item -> values.add(configuration));
        return CompletableFuture.completedFuture(values);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() throws Exception {
        if (listening != null) {
            listening.cancel(true);
        }
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }
}
