package dev.dsls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.LspRanges;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications (settings, watched files) and the placement preview, by command or request. */
final class DslsWorkspaceService implements WorkspaceService {
    private final ServerSession session;
    private final OpenDocuments documents;
    private final ConfigurationSync configuration;
    private final InventoryWatcher inventory;

    DslsWorkspaceService(ServerSession session, OpenDocuments documents, ConfigurationSync configuration,
                         InventoryWatcher inventory) {
        this.session = session;
        this.documents = documents;
        this.configuration = configuration;
        this.inventory = inventory;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        if (settings instanceof JsonElement json && json.isJsonObject() && !json.getAsJsonObject().isEmpty()) {
            configuration.update(Settings.from(json));
        }
        // VS Code sends the changed section only as a hint; the pulled value is the truth.
        configuration.pull();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        inventory.rescanFolderSoon();
        inventory.reloadSoon();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        session.requireRunning();
        String command = DaemonSetLanguageService.SHOW_PLACEMENT;
        if (!command.equals(params.getCommand())) {
            throw invalid("unknown command " + params.getCommand() + "; dsls offers " + command);
        }
        List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
        String uri = arguments.isEmpty() ? null : text(arguments.get(0));
        if (uri == null) {
            throw invalid(command + " needs the document URI as its first argument");
        }
        return placement(uri, arguments.size() > 1 ? position(arguments.get(1)) : null).thenApply(json -> json);
    }

    /** The placement preview of an open document, or of its DaemonSet at the position. */
    CompletableFuture<JsonObject> placement(String uri, Position position) {
        session.requireRunning();
        ManifestFile file = documents.require(uri);
        return CompletableFuture.supplyAsync(() -> {
            inventory.awaitFirstLoad();
            return session.service().placementJson(file, position == null ? null : LspRanges.fromLsp(position));
        });
    }

    /** The fleet of the workspace folder, grouped by the label given (the instance type by default). */
    CompletableFuture<JsonObject> fleet(String groupBy) {
        session.requireRunning();
        return CompletableFuture.supplyAsync(() -> {
            inventory.awaitFirstLoad();
            return session.service().fleetJson(groupBy);
        });
    }

    private static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }

    private static String text(Object argument) {
        if (argument instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        if (argument instanceof String string) {
            return string;
        }
        if (argument instanceof JsonObject object && object.has("uri")) {
            return object.get("uri").getAsString();
        }
        return null;
    }

    private static Position position(Object argument) {
        if (argument instanceof JsonObject object && object.has("line") && object.has("character")) {
            return new Position(object.get("line").getAsInt(), object.get("character").getAsInt());
        }
        return argument instanceof Position position ? position : null;
    }
}
