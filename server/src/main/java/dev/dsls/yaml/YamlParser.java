package dev.dsls.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML text into position-exact node trees with SnakeYAML's composer only: no object is ever
 * constructed, whatever tags the text carries. Each document is parsed on its own, so a syntax error
 * in one does not hide the others.
 */
public final class YamlParser {
    public static final String SYNTAX = "yaml-syntax";
    public static final String TOO_LARGE = "yaml-document-too-large";
    public static final String TOO_DEEP = "yaml-nesting-too-deep";
    public static final String ALIAS_LIMIT = "yaml-alias-limit";
    public static final String UNKNOWN_TAG = "yaml-unknown-tag";
    public static final String DUPLICATE_KEY = "yaml-duplicate-key";
    public static final String COMPLEX_KEY = "yaml-complex-key";
    public static final String INVALID_CHARACTER = "yaml-invalid-character";

    private static final Set<Tag> DATA_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ, Tag.MERGE, Tag.TIMESTAMP, Tag.BINARY);

    private final YamlLimits limits;

    public YamlParser() {
        this(YamlLimits.DEFAULT);
    }

    public YamlParser(YamlLimits limits) {
        this.limits = limits;
    }

    public YamlFile parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a new version of a text, reusing the documents of the previous version whose text and
     * first line are unchanged: an edit re-parses only the document it touches (and those it moves
     * to other lines), which keeps typing in a large multi-document file cheap.
     */
    public YamlFile parse(String text, YamlFile previous) {
        TextIndex index = new TextIndex(text);
        java.util.Map<String, YamlDocument> reusable = new java.util.HashMap<>();
        if (previous != null) {
            for (YamlDocument document : previous.documents()) {
                reusable.put(document.range().start().line() + ":" + previous.text().substring(document.startOffset(),
                        document.endOffset()), document);
            }
        }
        List<YamlDocument> documents = new ArrayList<>();
        for (int[] span : DocumentSplitter.split(text)) {
            YamlDocument unchanged = reusable.isEmpty() ? null
                    : reusable.get(index.positionAt(span[0]).line() + ":" + text.substring(span[0], span[1]));
            documents.add(unchanged != null
                    ? new YamlDocument(documents.size(), unchanged.root(), unchanged.range(), span[0], span[1], unchanged.problems())
                    : parseDocument(index, documents.size(), span[0], span[1]));
        }
        return new YamlFile(index, documents);
    }

    /** Parses the document occupying [start, end) of the indexed text. */
    public YamlDocument parseDocument(TextIndex index, int documentIndex, int start, int end) {
        String chunk = index.text().substring(start, end);
        Range range = index.rangeOf(start, end);
        Range firstLine = index.rangeOf(start, Math.min(end, index.lineEnd(index.positionAt(start).line())));
        List<YamlProblem> problems = new ArrayList<>();
        long bytes = utf8Length(chunk, limits.maxDocumentBytes());
        if (bytes > limits.maxDocumentBytes()) {
            problems.add(new YamlProblem(TOO_LARGE, String.format(
                    "This document is larger than %d bytes, the size the Kubernetes API server accepts in one request;"
                            + " split it into smaller documents.", limits.maxDocumentBytes()), firstLine));
            return new YamlDocument(documentIndex, null, range, start, end, problems);
        }
        Converter converter = new Converter(index, start, chunk, problems);
        YNode root = null;
        try {
            Composer composer = new Composer(new ParserImpl(new WholeTextReader(chunk), loaderOptions()),
                    new KubernetesYamlResolver(), loaderOptions());
            Node node = composer.getSingleNode();
            if (node != null) {
                root = converter.convert(node, 0);
            }
        } catch (MarkedYAMLException e) {
            problems.add(converter.syntaxProblem(e));
        } catch (ReaderException e) {
            int offset = converter.offset(e.getPosition());
            problems.add(new YamlProblem(INVALID_CHARACTER, String.format(
                    "The character U+%04X is not allowed in YAML; remove it (a file saved in a binary or"
                            + " non-UTF-8 encoding shows this too).", e.getCodePoint()),
                    index.rangeOf(offset, offset + Character.charCount(e.getCodePoint()))));
        } catch (ExpansionLimitException e) {
            problems.add(new YamlProblem(ALIAS_LIMIT, e.getMessage(), e.range == null ? firstLine : e.range));
        } catch (YAMLException e) {
            problems.add(limitProblem(e, firstLine));
        } catch (StackOverflowError e) {
            problems.add(new YamlProblem(TOO_DEEP, tooDeepMessage(), firstLine));
        }
        return new YamlDocument(documentIndex, root, range, start, end, problems);
    }

    private YamlProblem limitProblem(YAMLException e, Range at) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return new YamlProblem(ALIAS_LIMIT, String.format(
                    "This document uses more than %d aliases of collections, a sign of an alias bomb;"
                            + " write the repeated parts out or use fewer anchors.", limits.maxAliases()), at);
        }
        if (message.contains("Nesting Depth")) {
            return new YamlProblem(TOO_DEEP, tooDeepMessage(), at);
        }
        return new YamlProblem(SYNTAX, "The YAML could not be read: " + message, at);
    }

    private String tooDeepMessage() {
        return String.format("This document nests collections more than %d levels deep; Kubernetes manifests"
                + " never need that many, so flatten the structure.", limits.maxNestingDepth());
    }

    private LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // The composer only records tags; nothing is ever constructed from them, so any tag may be read
        // and reported as a diagnostic instead of aborting the document.
        options.setTagInspector(tag -> true);
        return options;
    }

    private static long utf8Length(String chunk, int stopAbove) {
        if ((long) chunk.length() * 3 <= stopAbove) {
            return chunk.length();
        }
        return chunk.getBytes(StandardCharsets.UTF_8).length;
    }

    private static final class ExpansionLimitException extends RuntimeException {
        final Range range;

        ExpansionLimitException(String message, Range range) {
            super(message, null, false, false);
            this.range = range;
        }
    }

    /** Turns SnakeYAML nodes of one chunk into ranged YNodes, expanding aliases within a budget. */
    private final class Converter {
        private final TextIndex index;
        private final int chunkStart;
        private final String chunk;
        private final List<YamlProblem> problems;
        private final int[] codePointOffsets;
        private final Map<Node, Boolean> onStack = new IdentityHashMap<>();
        private final Map<Node, Boolean> seen = new IdentityHashMap<>();
        private int expanded;
        private int copied;
        private int insideAlias;

        Converter(TextIndex index, int chunkStart, String chunk, List<YamlProblem> problems) {
            this.index = index;
            this.chunkStart = chunkStart;
            this.chunk = chunk;
            this.problems = problems;
            this.codePointOffsets = hasSurrogates(chunk) ? codePointOffsets(chunk) : null;
        }

        int offset(int codePointIndex) {
            int local = codePointOffsets == null ? codePointIndex
                    : codePointOffsets[Math.max(0, Math.min(codePointIndex, codePointOffsets.length - 1))];
            return chunkStart + Math.min(Math.max(local, 0), chunk.length());
        }

        Range range(Mark start, Mark end) {
            return index.rangeOf(offset(start.getIndex()), offset(end.getIndex()));
        }

        YamlProblem syntaxProblem(MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int at = mark == null ? chunkStart : offset(mark.getIndex());
            int lineEnd = index.lineEnd(index.positionAt(at).line());
            Range range = index.rangeOf(at, Math.min(lineEnd, at + 1));
            return new YamlProblem(SYNTAX, plainWords(e), range);
        }

        private String plainWords(MarkedYAMLException e) {
            String problem = e.getProblem() == null ? "unexpected content" : e.getProblem();
            if (problem.contains("(TAB)") || problem.contains("\t")) {
                return "YAML syntax error: a tab character cannot indent YAML; indent with spaces.";
            }
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(problem);
            if (e.getContext() != null) {
                message.append(" (").append(e.getContext()).append(')');
            }
            if (problem.contains("mapping values are not allowed")) {
                message.append("; check the indentation of this line, or quote a value that contains ': '");
            } else if (problem.contains("could not find expected ':'")) {
                message.append("; a key needs a ':' after it, or the line above is indented wrongly");
            }
            return message.append('.').toString();
        }

        YNode convert(Node node, int depth) {
            if (++expanded > limits.maxExpandedNodes()) {
                throw new ExpansionLimitException(String.format("Expanding the aliases of this document gives more"
                        + " than %d nodes (an alias bomb); write the repeated parts out or use fewer aliases.",
                        limits.maxExpandedNodes()), range(node.getStartMark(), node.getStartMark()));
            }
            if (depth > limits.maxNestingDepth() * 2 || onStack.containsKey(node)) {
                throw new ExpansionLimitException("An alias refers to a collection that contains it, which"
                        + " never ends; Kubernetes cannot read recursive YAML.",
                        range(node.getStartMark(), node.getStartMark()));
            }
            boolean alias = seen.put(node, Boolean.TRUE) != null;
            if (alias) {
                insideAlias++;
            }
            try {
                if (insideAlias > 0) {
                    copied++;
                    checkAliasRatio(node);
                }
                return convertNode(node, depth);
            } finally {
                if (alias) {
                    insideAlias--;
                }
            }
        }

        /**
         * The API server's YAML decoder (go-yaml v2) refuses a document whose nodes come mostly from alias
         * expansion: beyond 1,000 nodes of which over 100 are copies, at most 99% may be copies up to 400,000
         * nodes, sliding down to 10% at 4,000,000. The same rule stops an alias bomb after a few thousand
         * nodes instead of at the expansion budget.
         */
        private void checkAliasRatio(Node node) {
            if (copied > 100 && expanded > 1000 && (double) copied / expanded > allowedAliasRatio(expanded)) {
                throw new ExpansionLimitException(String.format("Expanding the aliases of this document gives %d"
                        + " nodes, %d of them copies made by aliases; the Kubernetes API server rejects such"
                        + " excessive aliasing (an alias bomb). Write the repeated parts out or use fewer aliases.",
                        expanded, copied), range(node.getStartMark(), node.getStartMark()));
            }
        }

        private static double allowedAliasRatio(int nodes) {
            if (nodes <= 400_000) {
                return 0.99;
            }
            if (nodes >= 4_000_000) {
                return 0.10;
            }
            return 0.99 - 0.89 * (nodes - 400_000) / 3_600_000.0;
        }

        private YNode convertNode(Node node, int depth) {
            Range range = range(node.getStartMark(), node.getEndMark());
            checkTag(node, range);
            if (node instanceof ScalarNode scalar) {
                return new YScalar(range, scalar.getValue(), kindOf(scalar), scalar.isPlain());
            }
            onStack.put(node, Boolean.TRUE);
            try {
                if (node instanceof SequenceNode sequence) {
                    List<YNode> items = new ArrayList<>(sequence.getValue().size());
                    for (Node item : sequence.getValue()) {
                        items.add(convert(item, depth + 1));
                    }
                    return new YSeq(range, items);
                }
                return convertMap((MappingNode) node, range, depth);
            } finally {
                onStack.remove(node);
            }
        }

        private YMap convertMap(MappingNode mapping, Range range, int depth) {
            Map<String, YEntry> explicit = new LinkedHashMap<>();
            List<YEntry> entries = new ArrayList<>(mapping.getValue().size());
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                if (!(keyNode instanceof ScalarNode)) {
                    problems.add(new YamlProblem(COMPLEX_KEY, "A mapping key must be a plain string in a"
                            + " Kubernetes manifest; replace this collection key by a name.",
                            range(keyNode.getStartMark(), keyNode.getEndMark())));
                    continue;
                }
                YScalar key = jsonKey((ScalarNode) keyNode);
                YEntry entry = new YEntry(key, convert(tuple.getValueNode(), depth + 1));
                YEntry earlier = explicit.putIfAbsent(key.value(), entry);
                if (earlier != null) {
                    problems.add(new YamlProblem(DUPLICATE_KEY, String.format("Duplicate key \"%s\": it is already"
                            + " defined on line %d, and Kubernetes rejects duplicate fields; remove one of them.",
                            key.value(), earlier.key().range().start().line() + 1), key.range()));
                }
                entries.add(entry);
            }
            for (Node merge : merges) {
                List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
                for (Node source : sources) {
                    if (!(convert(source, depth + 1) instanceof YMap merged)) {
                        problems.add(new YamlProblem(SYNTAX, "A merge key (<<) must refer to a mapping or a list"
                                + " of mappings.", range(source.getStartMark(), source.getEndMark())));
                        continue;
                    }
                    for (YEntry entry : merged.entries()) {
                        if (explicit.putIfAbsent(entry.name(), entry) == null) {
                            entries.add(entry);
                        }
                    }
                }
            }
            return new YMap(range, entries);
        }

        /** Keys become JSON object keys: go-yaml turns a boolean key into "true"/"false". */
        private YScalar jsonKey(ScalarNode keyNode) {
            ScalarKind kind = kindOf(keyNode);
            String value = keyNode.getValue();
            if (kind == ScalarKind.BOOLEAN) {
                value = String.valueOf(Yaml11.isTrue(value));
            }
            return new YScalar(range(keyNode.getStartMark(), keyNode.getEndMark()), value, ScalarKind.STRING,
                    keyNode.isPlain());
        }

        private ScalarKind kindOf(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.BOOL)) {
                return ScalarKind.BOOLEAN;
            }
            if (tag.equals(Tag.INT)) {
                return ScalarKind.INTEGER;
            }
            if (tag.equals(Tag.FLOAT)) {
                return ScalarKind.FLOAT;
            }
            if (tag.equals(Tag.NULL)) {
                return ScalarKind.NULL;
            }
            return ScalarKind.STRING;
        }

        private void checkTag(Node node, Range range) {
            Tag tag = node.getTag();
            if (!DATA_TAGS.contains(tag)) {
                problems.add(new YamlProblem(UNKNOWN_TAG, String.format("The tag %s is not plain data;"
                        + " Kubernetes manifests may only hold strings, numbers, booleans, lists and maps."
                        + " Remove the tag.", tag.getValue()), range));
            }
        }
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int[] codePointOffsets(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            offsets[cp++] = i;
        }
        offsets[cp] = text.length();
        return offsets;
    }
}
