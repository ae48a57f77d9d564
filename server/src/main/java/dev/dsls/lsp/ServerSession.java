package dev.dsls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.InventoryProblem;
import dev.dsls.language.ClientFeatures;
import dev.dsls.language.NodeFacts;
import dev.dsls.validation.CheckOptions;
import dev.dsls.validation.ManifestAnalyzer;
import dev.dsls.yaml.YamlFile;
import dev.dsls.inventory.Inventory;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The state of one editor session: open documents, settings, the workspace inventory and what the
 * client can do. Shared by the text-document and workspace services.
 */
final class ServerSession {
    private static final long DEBOUNCE_MILLIS = 50;
    private static final long POLL_MILLIS = 1000;

    private final ScheduledExecutorService worker;
    private final DiagnosticsPublisher publisher;
    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final WorkspaceInventory inventory = new WorkspaceInventory();
    private final Set<String> inventoryProblemUris = ConcurrentHashMap.newKeySet();
    /** A document's diagnostics and the settings and inventory they were computed with. */
    private record Checked(Settings settings, Inventory inventory, List<Diagnostic> diagnostics) {
    }

    /**
     * Per open file: the last diagnostics of each document, by its root node. The parser hands back the
     * very same root for a document whose text and first line did not change, so identity is the key.
     */
    private final Map<String, Map<YNode, Checked>> analyzed = new ConcurrentHashMap<>();
    private volatile LanguageClient client;
    private volatile ClientFeatures features = ClientFeatures.PLAIN;
    private volatile boolean pullsConfiguration;
    private volatile boolean watchesFiles;
    private volatile boolean refreshesCodeLenses;
    /** Completes once the first inventory load after the handshake is done, found or not. */
    private final CompletableFuture<Void> inventoryLoaded = new CompletableFuture<>();
    private volatile Settings settings = Settings.DEFAULT;
    private volatile Path root;
    private volatile boolean shutdown;
    private volatile ScheduledFuture<?> poller;

    ServerSession(ScheduledExecutorService worker) {
        this.worker = worker;
        this.publisher = new DiagnosticsPublisher(worker, DEBOUNCE_MILLIS);
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
        publisher.connect(languageClient);
    }

    LanguageClient client() {
        return client;
    }

    /**
     * Loads the schema and runs the checks, completion and hover once on a small DaemonSet while the
     * client is still busy with the handshake, so the user's first requests do not pay for class
     * loading and the first compilations.
     */
    void warmUp() {
        worker.execute(() -> {
            String demo = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: warm-up\nspec:\n"
                    + "  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n"
                    + "    spec:\n      nodeSelector:\n        kubernetes.io/os: linux\n      containers:\n"
                    + "      - name: a\n        image: a:1\n";
            new ManifestAnalyzer().analyze(new dev.dsls.yaml.YamlParser().parse(demo), CheckOptions.DEFAULT);
            for (int line : new int[] {1, 5, 12, 15, 16}) {
                dev.dsls.yaml.Position position = new dev.dsls.yaml.Position(line, 8);
                new dev.dsls.language.CompletionService().complete(demo, position, NodeFacts.NONE, features);
                new dev.dsls.language.HoverService().hover(demo, position, NodeFacts.NONE, null, features);
            }
        });
    }

    void negotiate(ClientCapabilities capabilities) {
        var textDocument = capabilities.getTextDocument();
        boolean snippets = textDocument != null && textDocument.getCompletion() != null
                && textDocument.getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(textDocument.getCompletion().getCompletionItem().getSnippetSupport());
        boolean markdown = textDocument != null && textDocument.getHover() != null
                && textDocument.getHover().getContentFormat() != null
                && textDocument.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
        features = new ClientFeatures(snippets, markdown);
        var workspace = capabilities.getWorkspace();
        pullsConfiguration = workspace != null && Boolean.TRUE.equals(workspace.getConfiguration());
        watchesFiles = workspace != null && workspace.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(workspace.getDidChangeWatchedFiles().getDynamicRegistration());
        refreshesCodeLenses = workspace != null && workspace.getCodeLens() != null
                && Boolean.TRUE.equals(workspace.getCodeLens().getRefreshSupport());
    }

    ClientFeatures features() {
        return features;
    }

    void setRoot(Path workspaceRoot) {
        this.root = workspaceRoot;
    }

    Settings settings() {
        return settings;
    }

    void requireRunning() {
        if (shutdown) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
                    "the server is shutting down and accepts no more requests", null));
        }
    }

    boolean isShutdown() {
        return shutdown;
    }

    void shutdown() {
        shutdown = true;
        ScheduledFuture<?> running = poller;
        if (running != null) {
            running.cancel(false);
        }
    }

    void dispose() {
        shutdown();
        worker.shutdownNow();
    }

    /** Logs to the client; warnings and errors also to stderr, which some clients file as errors. */
    void log(MessageType type, String message) {
        if (type == MessageType.Error || type == MessageType.Warning || client == null) {
            System.err.println("[dsls] " + message);
        }
        LanguageClient target = client;
        if (target != null && (type != MessageType.Log || !"off".equals(settings.traceServer()))) {
            target.logMessage(new MessageParams(type, message));
        }
    }

    /** After the handshake: pull settings when the client serves them, and start watching the inventory. */
    void afterInitialized() {
        if (pullsConfiguration) {
            pullConfiguration();
        } else {
            worker.execute(this::reloadInventory);
        }
        if (watchesFiles) {
            List<FileSystemWatcher> watchers = new ArrayList<>();
            watchers.add(new FileSystemWatcher(Either.forLeft("**/.dsls/inventory.{yaml,yml,json}")));
            settings.inventory().forEach(pattern -> watchers.add(new FileSystemWatcher(Either.forLeft(
                    pattern.startsWith("/") ? pattern : "**/" + pattern))));
            client.registerCapability(new RegistrationParams(List.of(new Registration("dsls-inventory-watch",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))));
        }
        // Clients without file watching, and files outside the workspace, are covered by polling.
        poller = worker.scheduleWithFixedDelay(this::reloadInventory, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void pullConfiguration() {
        LanguageClient target = client;
        if (!pullsConfiguration || target == null) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("dsls");
        target.configuration(new ConfigurationParams(List.of(item))).whenComplete((values, error) -> {
            if (error == null && values != null && !values.isEmpty() && values.get(0) instanceof com.google.gson.JsonElement json
                    && json.isJsonObject()) {
                updateSettings(Settings.from(json));
            } else {
                worker.execute(this::reloadInventory);
            }
        });
    }

    void updateSettings(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        if (!old.equals(newSettings)) {
            worker.execute(() -> {
                reloadInventory();
                recheckAll();
            });
        }
    }

    /** Re-reads the inventory if its files changed; re-checks every open document when it did. */
    void reloadInventory() {
        if (shutdown) {
            return;
        }
        try {
            List<Path> files = WorkspaceInventory.resolve(root, settings.inventory());
            if (files.isEmpty() && settings.inventory().isEmpty()) {
                // The default .dsls/inventory file went away: report it and keep the last good inventory,
                // as for a configured file, rather than silently previewing against no nodes.
                files = inventory.state().files();
            }
            if (inventory.reload(files)) {
                WorkspaceInventory.State state = inventory.state();
                log(MessageType.Info, String.format("inventory: %d nodes from %s%s", state.inventory().size(),
                        state.files(), state.problems().isEmpty() ? "" : ", " + state.problems().size() + " problems"));
                publishInventoryProblems(state.problems());
                recheckAll();
                LanguageClient target = client;
                if (refreshesCodeLenses && target != null && inventoryLoaded.isDone()) {
                    target.refreshCodeLenses();
                }
            }
        } catch (RuntimeException e) {
            log(MessageType.Error, "could not reload the node inventory: " + e);
        } finally {
            inventoryLoaded.complete(null);
        }
    }

    private void publishInventoryProblems(List<InventoryProblem> problems) {
        Set<String> uris = new HashSet<>();
        Map<String, List<Diagnostic>> byUri = new java.util.LinkedHashMap<>();
        for (InventoryProblem problem : problems) {
            String uri = Path.of(problem.path()).toUri().toString();
            byUri.computeIfAbsent(uri, u -> new ArrayList<>()).add(Diagnostic.of(problem.severity(), problem.code(),
                    problem.message(), problem.range()));
        }
        for (String stale : inventoryProblemUris) {
            if (!byUri.containsKey(stale)) {
                publisher.publish(stale, null, List.of());
            }
        }
        inventoryProblemUris.clear();
        byUri.forEach((uri, diagnostics) -> {
            publisher.publish(uri, null, diagnostics);
            uris.add(uri);
        });
        inventoryProblemUris.addAll(uris);
    }

    /**
     * The inventory in use. Placement answers wait (briefly) for the first load, so a code lens asked
     * for right after the handshake does not say "no inventory" while the inventory is being read.
     */
    WorkspaceInventory.State inventoryState() {
        try {
            inventoryLoaded.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log(MessageType.Warning, "the node inventory is taking long to load; answering without waiting");
        }
        return inventory.state();
    }

    NodeFacts nodeFacts() {
        return inventoryState().facts();
    }

    // ---- documents

    OpenDocument open(String uri, String text, int version) {
        OpenDocument document = new OpenDocument(uri, text, version);
        documents.put(uri, document);
        publisher.schedule(document, this::analyze, true);
        return document;
    }

    void changed(OpenDocument document) {
        publisher.schedule(document, this::analyze, false);
    }

    void close(String uri) {
        documents.remove(uri);
        analyzed.remove(uri);
        publisher.clear(uri);
    }

    /** The open document, or null. */
    OpenDocument findDocument(String uri) {
        return documents.get(uri);
    }

    OpenDocument document(String uri) {
        OpenDocument document = documents.get(uri);
        if (document == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "the document " + uri + " is not open; send textDocument/didOpen first", null));
        }
        return document;
    }

    Collection<OpenDocument> openDocuments() {
        return documents.values();
    }

    void recheckAll() {
        for (OpenDocument document : documents.values()) {
            publisher.schedule(document, this::analyze, true);
        }
    }

    DiagnosticsPublisher.Published lastDiagnostics(String uri) {
        return publisher.last(uri);
    }

    /** Everything {@code dsls check --nodes <inventory>} reports for the document. */
    List<Diagnostic> analyze(OpenDocument document) {
        return analyze(document.uri(), document.parsed());
    }

    /**
     * The diagnostics of a file, document by document. A document the parser reused unchanged keeps
     * its diagnostics, unless the settings or inventory changed or the file carries its own nodes (then
     * every DaemonSet in it may place differently).
     */
    List<Diagnostic> analyze(String uri, YamlFile file) {
        Settings currentSettings = settings;
        Inventory workspace = inventory.state().inventory();
        CheckOptions options = new CheckOptions(new LinkedHashSet<>(currentSettings.disabledChecks()),
                Placements.checks(uri, file, workspace));
        Map<YNode, Checked> previous = Placements.hasOwnNodes(uri, file) ? Map.of() : analyzed.getOrDefault(uri, Map.of());
        Map<YNode, Checked> current = new IdentityHashMap<>();
        List<Diagnostic> all = new ArrayList<>();
        ManifestAnalyzer analyzer = new ManifestAnalyzer();
        for (YamlDocument document : file.documents()) {
            Checked checked = document.root() == null ? null : previous.get(document.root());
            List<Diagnostic> diagnostics = checked != null && checked.settings().equals(currentSettings)
                    && checked.inventory() == workspace ? checked.diagnostics() : analyzer.analyze(file, document, options);
            if (document.root() != null) {
                current.put(document.root(), new Checked(currentSettings, workspace, diagnostics));
            }
            all.addAll(diagnostics);
        }
        analyzed.put(uri, current);
        return all;
    }

    CompletableFuture<JsonObject> placement(String uri, org.eclipse.lsp4j.Position position) {
        OpenDocument document = document(uri);
        return CompletableFuture.supplyAsync(() -> Placements.previewJson(uri, document.parsed(),
                inventoryState().inventory(), position == null ? null : new dev.dsls.yaml.Position(position.getLine(),
                        position.getCharacter())));
    }

    JsonObject inventoryJson() {
        WorkspaceInventory.State state = inventory.state();
        JsonObject json = new JsonObject();
        json.addProperty("nodes", state.inventory().size());
        JsonArray files = new JsonArray();
        state.files().forEach(file -> files.add(file.toString()));
        json.add("files", files);
        JsonArray problems = new JsonArray();
        for (InventoryProblem problem : state.problems()) {
            JsonObject item = new JsonObject();
            item.addProperty("path", problem.path());
            item.addProperty("line", problem.range().start().line() + 1);
            item.addProperty("severity", problem.severity().jsonName());
            item.addProperty("code", problem.code());
            item.addProperty("message", problem.message());
            problems.add(item);
        }
        json.add("problems", problems);
        return json;
    }

}
