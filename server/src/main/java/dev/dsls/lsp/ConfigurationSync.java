package dev.dsls.lsp;

import com.google.gson.JsonElement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The {@code dsls.*} settings in force, from initializationOptions, didChangeConfiguration, or pulled
 * with {@code workspace/configuration} where the client serves it, over the workspace's
 * {@code .dsls/config.yaml}. A change re-reads the inventory and re-checks every open document.
 */
final class ConfigurationSync {
    private final ServerSession session;
    private final OpenDocuments documents;
    private InventoryWatcher inventory;
    private volatile Settings settings = Settings.DEFAULT;

    ConfigurationSync(ServerSession session, OpenDocuments documents) {
        this.session = session;
        this.documents = documents;
    }

    void watch(InventoryWatcher watcher) {
        this.inventory = watcher;
    }

    Settings settings() {
        return settings;
    }

    void update(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        session.setTrace(newSettings.traceServer());
        apply();
        if (!old.equals(newSettings)) {
            session.worker().execute(() -> {
                inventory.reload();
                documents.recheckAll();
            });
        }
    }

    /** The checks turned off: those of the settings and those of the workspace's .dsls/config.yaml. */
    void apply() {
        Set<String> disabled = new LinkedHashSet<>(settings.disabledChecks());
        disabled.addAll(session.service().workspace().config().disabledChecks());
        session.service().workspace().setDisabledChecks(disabled);
    }

    /** The inventory files in force: the dsls.inventory setting, else the configuration's inventory key. */
    List<String> inventoryPatterns() {
        return settings.inventory().isEmpty() ? session.service().workspace().config().inventory() : settings.inventory();
    }

    /** Asks the client for the {@code dsls} section; without an answer, the inventory is loaded as configured so far. */
    void pull() {
        LanguageClient client = session.client();
        if (!session.support().pullsConfiguration() || client == null) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("dsls");
        client.configuration(new ConfigurationParams(List.of(item))).whenComplete((values, error) -> {
            if (error == null && values != null && !values.isEmpty() && values.get(0) instanceof JsonElement json
                    && json.isJsonObject()) {
                update(Settings.from(json));
            } else {
                inventory.reloadSoon();
            }
        });
    }
}
