package dev.dsls.lsp;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.InventoryProblem;
import dev.dsls.language.WorkspaceConfig;
import dev.dsls.language.WorkspaceInventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Keeps the workspace inventory current: the client watches the files where it can, the server polls
 * them besides (clients without watching, files outside the workspace), and every reload runs on the
 * worker thread. A reload that changes the inventory re-checks the open documents and refreshes lenses;
 * its problems are published as diagnostics on the inventory files.
 */
final class InventoryWatcher {
    private static final long POLL_MILLIS = 1000;

    private final ServerSession session;
    private final OpenDocuments documents;
    private final ConfigurationSync configuration;
    private volatile Map<Path, Long> configStamps = Map.of();
    private final Set<String> problemUris = ConcurrentHashMap.newKeySet();
    /** Completes once the first load after the handshake is done, found or not. */
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private volatile ScheduledFuture<?> poller;
    /** The folder's manifests are read again on the first poll, on watched-file events and every few polls. */
    private volatile boolean folderDirty = true;
    private int pollsSinceFolderScan;
    private static final int POLLS_PER_FOLDER_SCAN = 5;

    InventoryWatcher(ServerSession session, OpenDocuments documents, ConfigurationSync configuration) {
        this.session = session;
        this.documents = documents;
        this.configuration = configuration;
    }

    /** After the handshake: register the client's watchers and start polling. */
    void start() {
        LanguageClient client = session.client();
        if (session.support().watchesFiles() && client != null) {
            List<FileSystemWatcher> watchers = new ArrayList<>();
            watchers.add(new FileSystemWatcher(Either.forLeft("**/.dsls/{inventory,config}.{yaml,yml,json}")));
            // The other DaemonSets and PriorityClasses of the folder: the fleet every preview shares nodes with.
            watchers.add(new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml}")));
            configuration.inventoryPatterns().forEach(pattern -> watchers.add(new FileSystemWatcher(Either.forLeft(
                    pattern.startsWith("/") ? pattern : "**/" + pattern))));
            client.registerCapability(new RegistrationParams(List.of(new Registration("dsls-inventory-watch",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))));
        }
        poller = session.worker().scheduleWithFixedDelay(this::reload, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        ScheduledFuture<?> running = poller;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** A watched file changed: the folder's DaemonSets are read again with the next reload. */
    void rescanFolderSoon() {
        folderDirty = true;
    }

    /** Reloads on the worker thread (a save or a watched-file event arrives on the message thread). */
    void reloadSoon() {
        session.worker().execute(this::reload);
    }

    /**
     * Waits briefly for the first load, so a code lens asked for right after the handshake does not say
     * "no inventory" while the inventory is being read.
     */
    void awaitFirstLoad() {
        try {
            firstLoad.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            session.log(MessageType.Warning, "the node inventory is taking long to load; answering without waiting");
        }
    }

    /** Re-reads the inventory if its files changed; re-checks every open document when it did. */
    void reload() {
        if (session.isShutdown()) {
            return;
        }
        WorkspaceInventory inventory = session.service().workspace().inventory();
        try {
            boolean configChanged = reloadConfig();
            List<String> configured = configuration.inventoryPatterns();
            List<Path> files = WorkspaceInventory.resolve(session.root(), configured);
            if (files.isEmpty() && configured.isEmpty()) {
                // The default .dsls/inventory file went away: report it and keep the last good inventory,
                // as for a configured file, rather than silently previewing against no nodes.
                files = inventory.state().files();
            }
            boolean inventoryChanged = inventory.reload(files);
            boolean fleetChanged = rescanFolder();
            if (inventoryChanged || configChanged || fleetChanged) {
                WorkspaceInventory.State state = inventory.state();
                session.log(MessageType.Info, String.format("inventory: %d nodes from %s%s", state.inventory().size(),
                        state.files(), state.problems().isEmpty() ? "" : ", " + state.problems().size() + " problems"));
                publishProblems(state.problems());
                documents.recheckAll();
                // Gathered here, on the worker, so the first completion after a load does not pay for it.
                session.worker().execute(() -> {
                    state.facts().labels();
                    state.facts().taints();
                });
                LanguageClient client = session.client();
                // Also after the first load: a lens asked for before it said "no node inventory".
                if (session.support().refreshesCodeLenses() && client != null) {
                    client.refreshCodeLenses();
                }
            }
        } catch (RuntimeException e) {
            session.log(MessageType.Error, "could not reload the node inventory: " + e);
        } finally {
            inventory.markLoaded();
            firstLoad.complete(null);
        }
    }

    /** Reads the folder's DaemonSets and PriorityClasses again when due; true when they changed. */
    private boolean rescanFolder() {
        if (!folderDirty && ++pollsSinceFolderScan < POLLS_PER_FOLDER_SCAN) {
            return false;
        }
        folderDirty = false;
        pollsSinceFolderScan = 0;
        return session.service().rescanFolder(session.root());
    }

    /**
     * Reads the workspace's .dsls/config.yaml again when it changed (or appeared, or went away): its
     * problems become diagnostics on it, its keys apply under the editor's settings.
     */
    private boolean reloadConfig() {
        Path root = session.root();
        List<Path> candidates = root == null ? List.of() : WorkspaceConfig.FILE_NAMES.stream()
                .map(name -> root.resolve(WorkspaceConfig.DIRECTORY).resolve(name)).toList();
        Map<Path, Long> stamps = WorkspaceInventory.stamps(candidates);
        if (stamps.equals(configStamps)) {
            return false;
        }
        configStamps = stamps;
        WorkspaceConfig previous = session.service().workspace().config();
        WorkspaceConfig config = WorkspaceConfig.ofRoot(root);
        session.service().workspace().setConfig(config);
        configuration.apply();
        if (previous.file() != null && !previous.file().equals(config.file())) {
            documents.publishForFile(previous.file().toUri().toString(), List.of());
        }
        if (config.file() != null) {
            documents.publishForFile(config.file().toUri().toString(), config.problems());
        }
        return true;
    }

    private void publishProblems(List<InventoryProblem> problems) {
        Map<String, List<Diagnostic>> byUri = new LinkedHashMap<>();
        for (InventoryProblem problem : problems) {
            byUri.computeIfAbsent(Path.of(problem.path()).toUri().toString(), uri -> new ArrayList<>())
                    .add(Diagnostic.of(problem.severity(), problem.code(), problem.message(), problem.range()));
        }
        for (String stale : problemUris) {
            if (!byUri.containsKey(stale)) {
                documents.publishForFile(stale, List.of());
            }
        }
        problemUris.clear();
        byUri.forEach(documents::publishForFile);
        problemUris.addAll(byUri.keySet());
    }
}
