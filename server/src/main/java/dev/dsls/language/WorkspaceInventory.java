package dev.dsls.language;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.inventory.InventoryProblem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The node inventory of the workspace: the files named by {@code dsls.inventory} (paths or globs
 * relative to the workspace folder), else {@code .dsls/inventory.yaml} or {@code .json}. A reload
 * that fails keeps the last good inventory in use and reports the problems.
 */
public final class WorkspaceInventory {
    public static final List<String> DEFAULT_FILES = List.of(".dsls/inventory.yaml", ".dsls/inventory.yml", ".dsls/inventory.json");

    /** One loaded state: the inventory in use, its files, the problems of the last load, and its facts for completion. */
    public record State(Inventory inventory, List<Path> files, List<InventoryProblem> problems, NodeFacts facts,
                 Map<Path, Long> stamps) {
    }

    private volatile State state = new State(Inventory.EMPTY, List.of(), List.of(), NodeFacts.NONE, Map.of());

    private volatile boolean loaded;

    public State state() {
        return state;
    }

    /** False until the first load (found or not) is done: features say "loading" rather than "no inventory". */
    public boolean loaded() {
        return loaded;
    }

    public void markLoaded() {
        loaded = true;
    }

    /** Uses an inventory loaded elsewhere (the CLI's {@code --nodes} files), with the files it came from. */
    public synchronized void use(Inventory inventory, List<Path> files) {
        state = new State(inventory, List.copyOf(files), List.of(), facts(inventory), Map.of());
        loaded = true;
    }

    /** The files the settings name, resolved against the workspace root (globs expanded, sorted). */
    public static List<Path> resolve(Path root, List<String> patterns) {
        if (root == null) {
            return patterns.stream().map(Path::of).filter(Path::isAbsolute).filter(Files::isRegularFile).toList();
        }
        List<String> wanted = patterns.isEmpty() ? DEFAULT_FILES : patterns;
        Set<Path> files = new LinkedHashSet<>();
        for (String pattern : wanted) {
            if (pattern.contains("*") || pattern.contains("?") || pattern.contains("{")) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                try (Stream<Path> walk = Files.walk(root, 8)) {
                    walk.filter(Files::isRegularFile).filter(path -> matcher.matches(root.relativize(path)))
                            .sorted().forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // an unreadable folder simply contributes no inventory files
                }
            } else {
                Path path = root.resolve(pattern).normalize();
                if (!patterns.isEmpty() || Files.isRegularFile(path)) {
                    files.add(path);
                }
                if (patterns.isEmpty() && Files.isRegularFile(path)) {
                    break;
                }
            }
        }
        return new ArrayList<>(files);
    }

    /**
     * Loads the files when any of them changed (or the set of files did). Returns true when the
     * inventory in use or its problems changed, so open documents need to be checked again.
     */
    public synchronized boolean reload(List<Path> files) {
        Map<Path, Long> stamps = stamps(files);
        State current = state;
        if (files.equals(current.files()) && stamps.equals(current.stamps())) {
            return false;
        }
        if (files.isEmpty()) {
            state = new State(Inventory.EMPTY, files, List.of(), NodeFacts.NONE, stamps);
            return true;
        }
        List<InventoryProblem> problems = new ArrayList<>();
        Inventory inventory;
        try {
            InventoryLoader.Loaded loaded = InventoryLoader.load(files);
            problems.addAll(loaded.problems());
            inventory = loaded.inventory();
        } catch (IOException e) {
            problems.add(new InventoryProblem(files.get(0).toString(), dev.dsls.yaml.Range.of(0, 0, 0, 0),
                    dev.dsls.diagnostics.Severity.ERROR, InventoryProblem.SYNTAX,
                    e.getMessage() + "; dsls keeps using the last inventory that loaded."));
            inventory = null;
        }
        if (inventory == null || (inventory.isEmpty() && !current.inventory().isEmpty())) {
            state = new State(current.inventory(), files, problems, current.facts(), stamps);
        } else {
            state = new State(inventory, files, problems, facts(inventory), stamps);
        }
        return true;
    }

    /** Each file's modification time and size folded into one number (-1 for a missing file): a change stamp. */
    public static Map<Path, Long> stamps(List<Path> files) {
        Map<Path, Long> stamps = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                stamps.put(file, Files.getLastModifiedTime(file).toMillis() ^ Files.size(file));
            } catch (IOException e) {
                stamps.put(file, -1L);
            }
        }
        return stamps;
    }

    /** The inventory's index as completion and hover read it. */
    public static NodeFacts facts(Inventory inventory) {
        return inventory.isEmpty() ? NodeFacts.NONE : new IndexedFacts(inventory);
    }

    /**
     * The facts of an inventory, gathered on first use: the CLI never asks for them, and the server asks
     * only when a completion or hover needs them, not while it loads the inventory.
     */
    private static final class IndexedFacts implements NodeFacts {
        private final Inventory inventory;
        private volatile Map<String, Map<String, List<String>>> labels;
        private volatile List<Taint> taints;

        IndexedFacts(Inventory inventory) {
            this.inventory = inventory;
        }

        @Override
        public int nodeCount() {
            return inventory.size();
        }

        @Override
        public List<String> nodeNames() {
            return inventory.index().nodeNames();
        }

        @Override
        public Map<String, Map<String, List<String>>> labels() {
            Map<String, Map<String, List<String>>> known = labels;
            if (known == null) {
                var index = inventory.index();
                known = new TreeMap<>();
                for (String key : index.labelKeys()) {
                    Map<String, List<String>> values = new TreeMap<>();
                    for (String value : index.labelValues(key).keySet()) {
                        values.put(value, index.nodesWithLabel(key, value));
                    }
                    known.put(key, values);
                }
                labels = known;
            }
            return known;
        }

        @Override
        public List<Taint> taints() {
            List<Taint> known = taints;
            if (known == null) {
                known = new ArrayList<>();
                for (Map.Entry<dev.dsls.inventory.Taint, List<String>> taint : inventory.index().taints().entrySet()) {
                    known.add(new Taint(taint.getKey().key(), taint.getKey().value(), taint.getKey().effect(),
                            taint.getValue()));
                }
                taints = List.copyOf(known);
            }
            return known;
        }
    }
}
