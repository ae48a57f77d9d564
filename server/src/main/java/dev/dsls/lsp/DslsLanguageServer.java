package dev.dsls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.DslsVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The LSP face of dsls: negotiates capabilities and settings, and hands every request to the plain
 * Java language services through {@link DslsTextDocumentService} and {@link DslsWorkspaceService}.
 */
public final class DslsLanguageServer implements LanguageServer, LanguageClientAware {
    private final ServerSession session;
    private final ConfigurationSync configuration;
    private final InventoryWatcher inventory;
    private final DslsTextDocumentService textDocuments;
    private final DslsWorkspaceService workspace;
    private final IntConsumer exit;

    public DslsLanguageServer(IntConsumer exit) {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dsls-analysis");
            thread.setDaemon(true);
            return thread;
        });
        this.session = new ServerSession(worker);
        OpenDocuments documents = new OpenDocuments(session);
        this.configuration = new ConfigurationSync(session, documents);
        this.inventory = new InventoryWatcher(session, documents, configuration);
        configuration.watch(inventory);
        this.textDocuments = new DslsTextDocumentService(session, documents, inventory);
        this.workspace = new DslsWorkspaceService(session, documents, configuration, inventory);
        this.exit = exit;
    }

    @Override
    public void connect(LanguageClient client) {
        session.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        session.requireRunning();
        ClientCapabilities capabilities = params.getCapabilities() == null ? new ClientCapabilities() : params.getCapabilities();
        session.setSupport(ClientSupport.of(capabilities));
        session.worker().execute(() -> session.service().warmUp(session.support().features()));
        session.setRoot(rootOf(params));
        Object options = params.getInitializationOptions();
        if (options instanceof JsonElement json) {
            configuration.update(Settings.from(json));
        }
        if (params.getProcessId() != null) {
            watchParent(params.getProcessId());
        }
        ServerCapabilities server = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        server.setTextDocumentSync(sync);
        server.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "-")));
        server.setHoverProvider(true);
        server.setCodeLensProvider(new CodeLensOptions(false));
        server.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        server.setDocumentSymbolProvider(true);
        server.setFoldingRangeProvider(true);
        server.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(DaemonSetLanguageService.SHOW_PLACEMENT)));
        server.setPositionEncoding(PositionEncodingKind.UTF16);
        InitializeResult result = new InitializeResult(server);
        result.setServerInfo(new ServerInfo("dsls", DslsVersion.version() + " (Kubernetes "
                + DslsVersion.kubernetesVersion() + ")"));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        session.log(MessageType.Info, "dsls " + DslsVersion.version() + " ready (Kubernetes "
                + DslsVersion.kubernetesVersion() + " semantics)");
        if (session.support().pullsConfiguration()) {
            configuration.pull();
        } else {
            inventory.reloadSoon();
        }
        inventory.start();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        session.shutdown();
        inventory.stop();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        // The spec's exit code: 0 after a shutdown request, 1 when the client skipped it.
        int code = session.isShutdown() ? 0 : 1;
        inventory.stop();
        session.dispose();
        exit.accept(code);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** {@code dsls/placement}: the placement preview of a document, as {@code dsls preview --format json} prints it. */
    @JsonRequest("dsls/placement")
    public CompletableFuture<JsonObject> placement(PlacementParams params) {
        session.requireRunning();
        if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "dsls/placement needs {textDocument: {uri}}", null));
        }
        return workspace.placement(params.getTextDocument().getUri(), params.getPosition());
    }

    /**
     * {@code dsls/fleet}: every DaemonSet of the workspace folder and the open documents previewed together,
     * as {@code dsls fleet --format json} prints it, with the table as {@code text}. Params (all optional):
     * {@code {textDocument: {uri}, groupBy: "label"}}.
     */
    @JsonRequest("dsls/fleet")
    public CompletableFuture<JsonObject> fleet(JsonObject params) {
        session.requireRunning();
        String groupBy = params != null && params.has("groupBy") && params.get("groupBy").isJsonPrimitive()
                ? params.get("groupBy").getAsString() : dev.dsls.preview.FleetBudget.DEFAULT_GROUP_BY;
        return workspace.fleet(groupBy);
    }

    /** {@code dsls/inventory}: the node inventory in use, its files and problems. */
    @JsonRequest("dsls/inventory")
    public CompletableFuture<JsonObject> inventory() {
        session.requireRunning();
        return CompletableFuture.completedFuture(session.service().inventorySummary());
    }

    private static Path rootOf(InitializeParams params) {
        try {
            if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
                return Path.of(URI.create(params.getWorkspaceFolders().get(0).getUri()));
            }
            @SuppressWarnings("deprecation")
            String rootUri = params.getRootUri();
            if (rootUri != null) {
                return Path.of(URI.create(rootUri));
            }
            @SuppressWarnings("deprecation")
            String rootPath = params.getRootPath();
            return rootPath == null ? null : Path.of(rootPath);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** Exits when the editor that started the server is gone, so no orphan JVM is left behind. */
    private void watchParent(int pid) {
        ProcessHandle.of(pid).ifPresent(parent -> parent.onExit().thenRun(() -> {
            session.dispose();
            exit.accept(1);
        }));
    }




}
