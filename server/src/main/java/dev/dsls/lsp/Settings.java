package dev.dsls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dsls.*} settings: {@code dsls.inventory} (paths or globs of inventory files relative to
 * the workspace folder), {@code dsls.checks.disabled} (diagnostic codes), {@code dsls.trace.server} and
 * {@code dsls.kubernetesVersion} (the cluster's version as the user wrote it; empty for the configuration's)
 * and {@code dsls.placement.alone} (preview each DaemonSet on its own rather than with the workspace's others).
 */
public record Settings(List<String> inventory, List<String> disabledChecks, String traceServer,
                       String kubernetesVersion, boolean placementAlone) {
    public static final Settings DEFAULT = new Settings(List.of(), List.of(), "off", "", false);

    /**
     * Reads settings from what clients send: {@code {settings: {dsls: {...}}}} (didChangeConfiguration),
     * {@code {dsls: {...}}}, the section itself (workspace/configuration), or dotted keys
     * ({@code {"dsls.inventory": [...]}}). Missing or malformed values keep their defaults.
     */
    public static Settings from(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            return DEFAULT;
        }
        JsonObject object = json.getAsJsonObject();
        if (object.has("settings") && object.get("settings").isJsonObject()) {
            return from(object.get("settings"));
        }
        if (object.has("dsls") && object.get("dsls").isJsonObject()) {
            return from(object.get("dsls"));
        }
        JsonElement checks = object.get("checks");
        JsonElement disabled = checks != null && checks.isJsonObject() ? checks.getAsJsonObject().get("disabled")
                : object.get("checks.disabled") != null ? object.get("checks.disabled") : object.get("dsls.checks.disabled");
        JsonElement trace = object.get("trace");
        JsonElement traceServer = trace != null && trace.isJsonObject() ? trace.getAsJsonObject().get("server")
                : object.get("trace.server") != null ? object.get("trace.server") : object.get("dsls.trace.server");
        JsonElement inventory = object.has("inventory") ? object.get("inventory") : object.get("dsls.inventory");
        JsonElement kubernetesVersion = object.has("kubernetesVersion") ? object.get("kubernetesVersion")
                : object.get("dsls.kubernetesVersion");
        JsonElement placement = object.get("placement");
        JsonElement alone = placement != null && placement.isJsonObject() ? placement.getAsJsonObject().get("alone")
                : object.get("placement.alone") != null ? object.get("placement.alone") : object.get("dsls.placement.alone");
        return new Settings(strings(inventory), strings(disabled),
                traceServer != null && traceServer.isJsonPrimitive() ? traceServer.getAsString() : "off",
                kubernetesVersion != null && kubernetesVersion.isJsonPrimitive() ? kubernetesVersion.getAsString().strip() : "",
                alone != null && alone.isJsonPrimitive() && alone.getAsJsonPrimitive().isBoolean() && alone.getAsBoolean());
    }

    private static List<String> strings(JsonElement json) {
        List<String> values = new ArrayList<>();
        if (json == null || json.isJsonNull()) {
            return values;
        }
        if (json.isJsonPrimitive()) {
            String value = json.getAsString().strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(element -> {
                if (element.isJsonPrimitive() && !element.getAsString().isBlank()) {
                    values.add(element.getAsString().strip());
                }
            });
        }
        return List.copyOf(values);
    }
}
