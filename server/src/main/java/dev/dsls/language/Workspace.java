package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.schema.ManifestObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the language service knows of the workspace: the manifest files it was given (by the CLI) or the
 * editor holds open, the node inventory, and the checks the user turned off.
 */
public final class Workspace {
    private final Map<String, ManifestFile> files = new ConcurrentHashMap<>();
    private final WorkspaceInventory inventory = new WorkspaceInventory();
    private volatile Set<String> disabledChecks = Set.of();
    private volatile WorkspaceConfig config = WorkspaceConfig.NONE;

    /** Adds a file read from disk or stdin. */
    public ManifestFile read(String path, byte[] bytes) {
        ManifestFile file = ManifestFile.read(path, bytes);
        files.put(path, file);
        return file;
    }

    /** The editor's text of a file at a version; the previous version's parse is reused where the text is unchanged. */
    public ManifestFile edit(String uri, int version, String text) {
        return files.compute(uri, (key, previous) -> ManifestFile.edited(uri, version, text, previous));
    }

    /** The current version of a file, or null. */
    public ManifestFile file(String uri) {
        return files.get(uri);
    }

    public void remove(String uri) {
        files.remove(uri);
    }

    public Collection<ManifestFile> files() {
        return files.values();
    }

    /** Every DaemonSet of every file of the workspace. */
    public List<ManifestObject> daemonSets() {
        List<ManifestObject> all = new ArrayList<>();
        files.values().forEach(file -> all.addAll(file.daemonSets()));
        return all;
    }

    public WorkspaceInventory inventory() {
        return inventory;
    }

    public Set<String> disabledChecks() {
        return disabledChecks;
    }

    public void setDisabledChecks(Collection<String> codes) {
        disabledChecks = Set.copyOf(codes);
    }

    /** The workspace's {@code .dsls/config.yaml} (its severity overrides apply to every diagnostic). */
    public WorkspaceConfig config() {
        return config;
    }

    public void setConfig(WorkspaceConfig workspaceConfig) {
        config = workspaceConfig;
    }
}
