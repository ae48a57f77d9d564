package dev.dsls.language;

import dev.dsls.analysis.FleetScope;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.inventory.PriorityClass;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.ManifestObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the language service knows of the workspace: the manifest files it was given (by the CLI, in
 * order) or the editor holds open, the DaemonSets and PriorityClasses on disk in the editor's workspace
 * folder, the node inventory, the checks the user turned off and the Kubernetes version of the cluster.
 */
public final class Workspace {
    /** Files of the folder above this size are not read: no DaemonSet manifest is that large. */
    static final long MAX_FOLDER_FILE_BYTES = 4L * 1024 * 1024;
    /** A folder with more manifests than this is a monorepo; the first ones (sorted) are read. */
    static final int MAX_FOLDER_FILES = 2000;

    private final Map<String, ManifestFile> files = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The folder's manifests that hold a DaemonSet or a PriorityClass, by URI, with the stamp they were read at. */
    private final Map<String, FolderFile> folder = Collections.synchronizedMap(new TreeMap<>());
    /** The stamps of the folder's files without either, so an unchanged one is not read again. */
    private volatile Map<String, List<Long>> skipped = Map.of();
    private volatile boolean alone;
    private volatile ScopeOf lastScope;
    private final WorkspaceInventory inventory = new WorkspaceInventory();
    private volatile Set<String> disabledChecks = Set.of();
    private volatile WorkspaceConfig config = WorkspaceConfig.NONE;
    private volatile KubernetesVersion chosenKubernetesVersion;

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

    /** The files given or open, in the order they came. */
    public Collection<ManifestFile> files() {
        synchronized (files) {
            return List.copyOf(files.values());
        }
    }

    /** Every DaemonSet of every file of the workspace. */
    public List<ManifestObject> daemonSets() {
        List<ManifestObject> all = new ArrayList<>();
        files().forEach(file -> all.addAll(file.daemonSets()));
        return all;
    }

    /** Previews each DaemonSet on its own instead of with the others ({@code --alone}, {@code dsls.placement.alone}). */
    public void setAlone(boolean previewAlone) {
        alone = previewAlone;
    }

    /**
     * The DaemonSets previewed together and the PriorityClasses declared beside them: the folder's files
     * (sorted), each replaced by the editor's text while open, then the files given or open elsewhere.
     */
    public FleetScope fleetScope() {
        Map<String, ManifestFile> all = new LinkedHashMap<>();
        synchronized (folder) {
            folder.forEach((uri, file) -> all.put(uri, file.manifest()));
        }
        files().forEach(file -> all.put(file.uri(), file));
        List<ManifestFile> sources = List.copyOf(all.values());
        boolean previewAlone = alone;
        ScopeOf known = lastScope;
        // Asked for every placement: rebuilt only when a file version or the setting changed.
        if (known != null && known.alone() == previewAlone && sameFiles(known.files(), sources)) {
            return known.scope();
        }
        List<ManifestObject> daemonSets = new ArrayList<>();
        List<PriorityClass> classes = new ArrayList<>();
        for (ManifestFile file : sources) {
            daemonSets.addAll(file.daemonSets());
            classes.addAll(file.ownNodes().priorityClasses());
        }
        FleetScope scope = new FleetScope(daemonSets, classes, previewAlone);
        lastScope = new ScopeOf(sources, previewAlone, scope);
        return scope;
    }

    /** The last fleet scope and the file versions it was made of. */
    private record ScopeOf(List<ManifestFile> files, boolean alone, FleetScope scope) {
    }

    private static boolean sameFiles(List<ManifestFile> a, List<ManifestFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The file (given, open or in the folder) that holds this DaemonSet object, or null. */
    public ManifestFile fileOf(dev.dsls.yaml.YMap daemonSet) {
        List<ManifestFile> candidates = new ArrayList<>(files());
        synchronized (folder) {
            folder.values().forEach(file -> candidates.add(file.manifest()));
        }
        for (ManifestFile file : candidates) {
            for (ManifestObject object : file.daemonSets()) {
                if (object.root() == daemonSet) {
                    return file;
                }
            }
        }
        return null;
    }

    /** A manifest of the folder as last read, with the file's modification time and size then. */
    private record FolderFile(ManifestFile manifest, long modified, long size) {
    }

    /**
     * Reads the folder's manifests again where they changed; true when the DaemonSets or PriorityClasses
     * found changed. Only files that mention DaemonSet or PriorityClass are kept.
     */
    public boolean rescanFolder(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return false;
        }
        List<Path> found;
        try {
            found = ManifestFinder.below(root, new TreeSet<>());
        } catch (IOException | SecurityException e) {
            return false;
        }
        Predicate<Path> excluded = config.excluded(root);
        Map<String, FolderFile> current = new TreeMap<>();
        Map<String, List<Long>> skippedNow = new java.util.HashMap<>();
        int read = 0;
        for (Path path : found) {
            if (excluded.test(path) || read++ >= MAX_FOLDER_FILES) {
                continue;
            }
            String uri = path.toUri().toString();
            try {
                long modified = Files.getLastModifiedTime(path).toMillis();
                long size = Files.size(path);
                FolderFile known = folder.get(uri);
                List<Long> stamp = List.of(modified, size);
                if (known != null && known.modified() == modified && known.size() == size) {
                    current.put(uri, known);
                    continue;
                }
                if (size > MAX_FOLDER_FILE_BYTES || stamp.equals(skipped.get(uri))) {
                    skippedNow.put(uri, stamp);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(path);
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.contains("DaemonSet") || text.contains("PriorityClass")) {
                    current.put(uri, new FolderFile(ManifestFile.read(uri, bytes), modified, size));
                } else {
                    skippedNow.put(uri, stamp);
                }
            } catch (IOException | SecurityException e) {
                // a file that went away or cannot be read is simply not part of the fleet
            }
        }
        skipped = skippedNow;
        synchronized (folder) {
            if (current.equals(folder)) {
                return false;
            }
            folder.clear();
            folder.putAll(current);
            return true;
        }
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

    /**
     * The Kubernetes version the manifests are checked against: the one the command line or the editor's
     * settings chose, else the configuration's {@code kubernetesVersion}, else the newest supported.
     */
    public KubernetesVersion kubernetesVersion() {
        KubernetesVersion chosen = chosenKubernetesVersion != null ? chosenKubernetesVersion : config.kubernetesVersion();
        return chosen != null ? chosen : KubernetesSchema.get().newest();
    }

    /** The version {@code --kubernetes-version} or the {@code dsls.kubernetesVersion} setting names; null for none. */
    public void setKubernetesVersion(KubernetesVersion version) {
        chosenKubernetesVersion = version;
    }
}
