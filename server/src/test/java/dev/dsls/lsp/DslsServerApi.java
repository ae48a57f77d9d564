package dev.dsls.lsp;

import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/** The server as a client sees it, with dsls' own requests. */
public interface DslsServerApi extends LanguageServer {
    @JsonRequest("dsls/placement")
    CompletableFuture<JsonObject> placement(PlacementParams params);

    @JsonRequest("dsls/inventory")
    CompletableFuture<JsonObject> inventory(JsonObject params);

    @JsonRequest("dsls/fleet")
    CompletableFuture<JsonObject> fleet(JsonObject params);
}
