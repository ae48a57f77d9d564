package dev.dsls.lsp;

import com.google.gson.JsonElement;
import dev.dsls.schema.KubernetesVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageType;
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
    /** The version the dsls.kubernetesVersion setting names, or null when it is empty or names none dsls supports. */
    private volatile KubernetesVersion kubernetesVersion;

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
        if (!old.kubernetesVersion().equals(newSettings.kubernetesVersion())) {
            kubernetesVersion = kubernetesVersionOf(newSettings.kubernetesVersion());
        }
        apply();
        if (!old.equals(newSettings)) {
            session.worker().execute(() -> {
                inventory.reload();
                documents.recheckAll();
            });
        }
    }

    /**
     * The checks turned off: those of the settings and those of the workspace's .dsls/config.yaml; and the
     * Kubernetes version of the setting, which the workspace prefers to the configuration's.
     */
    void apply() {
        Set<String> disabled = new LinkedHashSet<>(settings.disabledChecks());
        disabled.addAll(session.service().workspace().config().disabledChecks());
        session.service().workspace().setDisabledChecks(disabled);
        session.service().workspace().setKubernetesVersion(kubernetesVersion);
        session.service().workspace().setAlone(settings.placementAlone());
    }

    /** The version a setting names; one dsls does not support is said in the log and leaves the configuration's. */
    private KubernetesVersion kubernetesVersionOf(String setting) {
        if (setting.isEmpty()) {
            return null;
        }
        try {
            return KubernetesVersion.parse(setting);
        } catch (IllegalArgumentException e) {
            session.log(MessageType.Warning, "dsls.kubernetesVersion: " + e.getMessage()
                    + "; checking against kubernetesVersion in .dsls/config.yaml, else the newest");
            return null;
        }
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
