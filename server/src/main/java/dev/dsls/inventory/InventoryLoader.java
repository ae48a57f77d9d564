package dev.dsls.inventory;

import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Range;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads an inventory from the files given by {@code --nodes} or the editor's settings. */
public final class InventoryLoader {
    /** The inventory and the problems of its files; unreadable files are problems too. */
    public record Loaded(Inventory inventory, List<InventoryProblem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        }
    }

    /** Thrown when an inventory file cannot be read at all (missing, a directory, no permission). */
    public static final class UnreadableException extends IOException {
        public UnreadableException(String message) {
            super(message);
        }
    }

    private InventoryLoader() {
    }

    /** Loads every file in order; a later node with the same name replaces an earlier one, and says so. */
    public static Loaded load(List<Path> files) throws UnreadableException {
        List<InventoryReader.Contents> contents = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (Path file : files) {
            contents.add(read(file));
            paths.add(file.toString());
        }
        return combine(contents, paths);
    }

    /** Reads one inventory file; one that cannot be read at all is an exception, problems inside it are not. */
    public static InventoryReader.Contents read(Path file) throws UnreadableException {
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableException(file + ": is a directory; --nodes takes a file of Node objects");
            }
            if (startsLikeJson(file)) {
                try (Reader json = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return InventoryReader.readJson(file.toString(), json);
                }
            }
            return InventoryReader.read(file.toString(), Files.readAllBytes(file));
        } catch (UnreadableException e) {
            throw e;
        } catch (IOException | SecurityException e) {
            throw new UnreadableException(file + ": cannot read the node inventory: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    /** True when the file's first character after white space opens a JSON object or array. */
    private static boolean startsLikeJson(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (!Character.isWhitespace(c)) {
                    return c == '{' || c == '[';
                }
            }
            return false;
        }
    }

    /** Combines files already read (the editor reads them itself), in order. */
    public static Loaded combine(List<InventoryReader.Contents> files, List<String> paths) {
        List<Node> nodes = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        List<PriorityClass> priorityClasses = new ArrayList<>();
        List<InventoryProblem> problems = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            InventoryReader.Contents file = files.get(i);
            problems.addAll(file.problems());
            if (file.nodes().isEmpty() && file.pods().isEmpty() && file.priorityClasses().isEmpty()
                    && file.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR)) {
                problems.add(new InventoryProblem(paths.get(i), Range.of(0, 0, 0, 0), Severity.WARNING,
                        InventoryProblem.NO_NODES, paths.get(i) + " holds no Node: give a file that `kubectl get"
                        + " nodes -o yaml` (or -o json) wrote, or Node documents."));
            }
            for (Node node : file.nodes()) {
                Node earlier = seen.put(node.name(), node);
                if (earlier != null) {
                    int line = node.source().line();
                    problems.add(new InventoryProblem(node.source().path(), Range.of(line, 0, line, 0),
                            Severity.WARNING, InventoryProblem.DUPLICATE_NODE, String.format("Node %s is defined"
                                    + " again here (first at %s); this later definition is used.", node.name(),
                                    earlier.source())));
                }
                nodes.add(node);
            }
            pods.addAll(file.pods());
            priorityClasses.addAll(file.priorityClasses());
        }
        return new Loaded(Inventory.of(nodes, pods, priorityClasses), problems);
    }
}
