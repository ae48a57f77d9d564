package dev.dsls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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

/** Workspace notifications (settings, watched files) and the {@code dsls.showPlacement} command. */
final class DslsWorkspaceService implements WorkspaceService {
    private final ServerSession session;

    DslsWorkspaceService(ServerSession session) {
        this.session = session;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        if (settings instanceof JsonElement json && json.isJsonObject() && !json.getAsJsonObject().isEmpty()) {
            session.updateSettings(Settings.from(json));
        }
        // VS Code sends the changed section only as a hint; the pulled value is the truth.
        session.pullConfiguration();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        session.reloadInventory();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        session.requireRunning();
        if (!DslsLanguageServer.SHOW_PLACEMENT.equals(params.getCommand())) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "unknown command " + params.getCommand() + "; dsls offers " + DslsLanguageServer.SHOW_PLACEMENT, null));
        }
        List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
        String uri = arguments.isEmpty() ? null : text(arguments.get(0));
        if (uri == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    DslsLanguageServer.SHOW_PLACEMENT + " needs the document URI as its first argument", null));
        }
        Position position = arguments.size() > 1 ? position(arguments.get(1)) : null;
        return session.placement(uri, position).thenApply(json -> json);
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
        if (argument instanceof Position position) {
            return position;
        }
        return null;
    }
}
