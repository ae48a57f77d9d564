package dev.dsls.inventory;

import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.SourceText;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlLimits;
import dev.dsls.yaml.YamlParser;
import dev.dsls.yaml.YamlProblem;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Nodes, Pods and PriorityClasses of one file in every shape kubectl prints: one object, multi-document
 * YAML, {@code kind: List}/{@code NodeList}/{@code PodList}, and {@code kubectl get nodes,pods -A -o json}.
 * JSON goes through Gson's streaming reader and kubectl's YAML through {@link KubectlYamlReader}, both
 * keeping only the fields placement reads; other YAML goes through the project's parser, with limits
 * raised because {@code kubectl get nodes -o yaml} of a large cluster is one document of many megabytes.
 */
public final class InventoryReader {
    /** An inventory file is ours, not an API request: allow the size of a 50 000-node listing. */
    private static final YamlLimits INVENTORY_LIMITS = new YamlLimits(Integer.MAX_VALUE, 100, 100, 100_000_000);

    /** The objects read from one file and what was wrong in it. */
    public record Contents(List<Node> nodes, List<Pod> pods, List<PriorityClass> priorityClasses,
                           List<InventoryProblem> problems) {
        public Contents {
            nodes = List.copyOf(nodes);
            pods = List.copyOf(pods);
            priorityClasses = List.copyOf(priorityClasses);
            problems = List.copyOf(problems);
        }

        public Inventory toInventory() {
            return Inventory.of(nodes, pods, priorityClasses);
        }
    }

    private InventoryReader() {
    }

    /** Reads an inventory file's bytes; the display path names it in problems. */
    public static Contents read(String path, byte[] bytes) {
        // kubectl's output is almost always ASCII, which needs no UTF-8 validation pass.
        SourceText source = isAscii(bytes) ? new SourceText(new String(bytes, StandardCharsets.ISO_8859_1), -1, null)
                : SourceText.decode(bytes);
        Collector collector = new Collector(path);
        YamlProblem encoding = source.encodingProblem();
        if (encoding != null) {
            collector.report(encoding.range(), Severity.ERROR, InventoryProblem.SYNTAX, encoding.message());
        }
        String text = source.text();
        if (looksLikeJson(text)) {
            readJson(new StringReader(text), collector);
        } else {
            readYaml(text, collector);
        }
        return collector.contents();
    }

    /**
     * Reads JSON as it streams from a reader: a 130 MB {@code kubectl get nodes,pods -A -o json} is never
     * held as bytes or text, only the pruned objects it describes.
     */
    public static Contents readJson(String path, Reader json) {
        Collector collector = new Collector(path);
        readJson(json, collector);
        return collector.contents();
    }

    private static void readJson(Reader json, Collector collector) {
        try {
            JsonInventoryReader.read(json, collector::object);
        } catch (JsonInventoryReader.SyntaxError e) {
            collector.report(e.range, Severity.ERROR, InventoryProblem.SYNTAX, collector.path + ": " + e.getMessage()
                    + "; the objects before this point are used.");
        }
    }

    /** YAML through the full parser only: the reference the fast reader must agree with. */
    static Contents readFully(String path, String text) {
        Collector collector = new Collector(path);
        collector.yaml(new YamlParser(INVENTORY_LIMITS).parse(text), true);
        return collector.contents();
    }

    /**
     * kubectl's YAML goes through the fast pruning reader; a document it does not handle (anchors, flow
     * collections, tags…) through the full parser, with the same line numbers.
     */
    private static void readYaml(String text, Collector collector) {
        TextIndex[] index = new TextIndex[1];
        KubectlYamlReader.read(text, new KubectlYamlReader.Documents() {
            /** Items without a kind wait for the list's kind, which kubectl writes after the items. */
            private final List<YMap> kindless = new ArrayList<>();
            private Collector.Mark documentStart = collector.mark();

            @Override
            public void item(YMap item) {
                if (item.get("kind") == null) {
                    kindless.add(item);
                } else {
                    collector.object(item);
                }
            }

            @Override
            public void document(YMap root) {
                String listKind = root.text("kind");
                collector.object(root);
                kindless.forEach(item -> collector.object(ObjectDecoder.withListKind(item, listKind)));
                kindless.clear();
                documentStart = collector.mark();
            }

            @Override
            public void unsupported(int documentIndex, int start, int end) {
                collector.rollBack(documentStart);
                kindless.clear();
                if (index[0] == null) {
                    index[0] = new TextIndex(text);
                }
                collector.document(new YamlParser(INVENTORY_LIMITS).parseDocument(index[0], documentIndex, start, end), true);
                documentStart = collector.mark();
            }
        });
    }

    /**
     * The Nodes and Pods written in a manifest file itself: such a file is a self-contained what-if,
     * its DaemonSets previewed against its own nodes. YAML problems are the manifest checks' business.
     */
    public static Contents fromManifest(String path, YamlFile file) {
        Collector collector = new Collector(path);
        collector.yaml(file, false);
        return collector.contents();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Gathers objects and problems of one file. */
    private static final class Collector {
        private final String path;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Pod> pods = new ArrayList<>();
        private final List<PriorityClass> priorityClasses = new ArrayList<>();
        private final List<InventoryProblem> problems = new ArrayList<>();

        Collector(String path) {
            this.path = path;
        }

        /** How much was collected at a point, to drop what a document added when it is read again. */
        record Mark(int nodes, int pods, int priorityClasses, int problems) {
        }

        Mark mark() {
            return new Mark(nodes.size(), pods.size(), priorityClasses.size(), problems.size());
        }

        void rollBack(Mark mark) {
            nodes.subList(mark.nodes(), nodes.size()).clear();
            pods.subList(mark.pods(), pods.size()).clear();
            priorityClasses.subList(mark.priorityClasses(), priorityClasses.size()).clear();
            problems.subList(mark.problems(), problems.size()).clear();
        }

        void report(Range range, Severity severity, String code, String message) {
            problems.add(new InventoryProblem(path, range, severity, code, message));
        }

        void yaml(YamlFile file, boolean reportSyntax) {
            for (YamlDocument document : file.documents()) {
                document(document, reportSyntax);
            }
        }

        void document(YamlDocument document, boolean reportSyntax) {
            if (reportSyntax) {
                for (YamlProblem problem : document.problems()) {
                    report(problem.range(), Severity.ERROR, InventoryProblem.SYNTAX, problem.message());
                }
            }
            YMap root = document.rootMap();
            if (root != null) {
                object(root);
            }
        }

        /** One top-level object: a Node, a Pod, a PriorityClass, or any *List whose items are read in turn. */
        void object(YMap object) {
            if (ObjectDecoder.isNode(object)) {
                Node node = ObjectDecoder.node(object, path, this::report);
                if (node != null) {
                    nodes.add(node);
                }
            } else if (ObjectDecoder.isPod(object)) {
                Pod pod = ObjectDecoder.pod(object, path, this::report);
                if (pod != null) {
                    pods.add(pod);
                }
            } else if (ObjectDecoder.isPriorityClass(object)) {
                PriorityClass priorityClass = ObjectDecoder.priorityClass(object, path, this::report);
                if (priorityClass != null) {
                    priorityClasses.add(priorityClass);
                }
            } else if (object.get("items") instanceof YSeq items) {
                for (YNode item : items.items()) {
                    if (item instanceof YMap map) {
                        object(ObjectDecoder.withListKind(map, object.text("kind")));
                    }
                }
            }
        }

        Contents contents() {
            return new Contents(nodes, pods, priorityClasses, problems);
        }
    }
}
