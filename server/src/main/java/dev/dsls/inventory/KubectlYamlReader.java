package dev.dsls.inventory;

import dev.dsls.yaml.Range;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.Yaml11;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast reader for the YAML that {@code kubectl get -o yaml} writes: block mappings and sequences,
 * plain and quoted scalars (folded over lines), literal block scalars, empty flow collections. It keeps
 * only the fields {@link InventoryShape} names and skips the rest by indentation without looking at it,
 * so a 5000-node listing is read in one pass over its lines. A document that uses anything else
 * (anchors, tags, flow collections with content, tabs…) is handed back whole, for the full parser.
 */
final class KubectlYamlReader {
    /** The document uses YAML this reader does not handle; the full parser reads it instead. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** Receives each document: its objects, or its text span for the full parser. */
    /**
     * What is read, as it is read: the items of a list one by one (so 5,000 nodes are never all held as
     * trees at once), then the document's root. A document the reader gives up on is reported whole, and
     * whatever it streamed of that document must be dropped.
     */
    interface Documents {
        void item(YMap item);

        void document(YMap root);

        void unsupported(int documentIndex, int start, int end);
    }

    private static final Object ITEMS = new Object();
    /** The plain words YAML 1.1 reads as booleans (checked by set, not regex: every key is tested). */
    private static final java.util.Set<String> BOOLEAN_WORDS = java.util.Set.of("y", "Y", "yes", "Yes", "YES", "n", "N",
            "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final java.util.Map<String, Object> ROOT;

    static {
        java.util.Map<String, Object> root = new java.util.HashMap<>(InventoryShape.ITEM);
        root.put("items", ITEMS);
        ROOT = java.util.Map.copyOf(root);
    }

    private final String text;
    // The current line: [lineStart, lineEnd), its number, and where its content starts. A sequence entry
    // "- key: v" moves contentStart past the dash, so the entry reads as a mapping at that column.
    private int lineStart;
    private int lineEnd;
    private int nextLineStart;
    private int line;
    private int contentStart;
    private boolean documentEnd;
    private final Documents documents;
    /** CR or CRLF line ends anywhere: then lines are split the slow way, on both characters. */
    private final boolean hasCarriageReturns;

    private KubectlYamlReader(String text, Documents documents) {
        this.text = text;
        this.documents = documents;
        this.hasCarriageReturns = text.indexOf('\r') >= 0;
    }

    /** Reads every document of the text. */
    static void read(String text, Documents documents) {
        KubectlYamlReader reader = new KubectlYamlReader(text, documents);
        reader.nextLineStart = text.startsWith("\uFEFF") ? 1 : 0;
        reader.line = -1;
        int index = 0;
        reader.advanceSafely();
        while (!reader.atEndOfText()) {
            if (reader.documentEnd) {
                // a "---" or "..." line between documents
                reader.documentEnd = false;
                reader.advanceSafely();
                continue;
            }
            int start = reader.lineStart;
            try {
                documents.document(reader.document());
            } catch (Unsupported e) {
                documents.unsupported(index, start, reader.skipToDocumentEnd());
            }
            index++;
        }
    }

    private boolean atEndOfText() {
        return documentEnd && nextLineStart > text.length() && lineStart >= text.length();
    }

    /** advance(), but a line it cannot read starts a document the full parser gets. */
    private void advanceSafely() {
        try {
            advance();
        } catch (Unsupported e) {
            contentStart = lineStart;
        }
    }

    /** The root mapping, pruned; the items of a list go to {@link Documents#item} instead. */
    private YMap document() {
        if (indent() != 0 || isSequenceEntry()) {
            throw new Unsupported("a document that is not a mapping");
        }
        YMap root = mapping(0, ROOT);
        if (!documentEnd) {
            throw new Unsupported("content after the document's root mapping");
        }
        return root;
    }

    // ---- lines ----

    /** Moves to the next line with content; a document marker or the end of text ends the document. */
    private void advance() {
        while (true) {
            if (nextLineStart > text.length()) {
                lineStart = text.length();
                lineEnd = text.length();
                contentStart = text.length();
                documentEnd = true;
                return;
            }
            lineStart = nextLineStart;
            int end;
            if (hasCarriageReturns) {
                end = lineStart;
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
            } else {
                // indexOf is an intrinsic: the line scan that dominates reading 5,000 nodes.
                end = text.indexOf('\n', lineStart);
                end = end < 0 ? text.length() : end;
            }
            lineEnd = end;
            nextLineStart = end >= text.length() ? text.length() + 1
                    : text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            line++;
            int content = lineStart;
            while (content < lineEnd && text.charAt(content) == ' ') {
                content++;
            }
            contentStart = content;
            if (content < lineEnd && text.charAt(content) == '\t') {
                throw new Unsupported("a tab");
            }
            if (isMarkerLine()) {
                documentEnd = true;
                return;
            }
            if (content < lineEnd && text.charAt(content) == '%' && content == lineStart) {
                throw new Unsupported("a directive");
            }
            if (content == lineEnd || text.charAt(content) == '#') {
                continue;
            }
            return;
        }
    }

    private boolean isMarkerLine() {
        int length = lineEnd - lineStart;
        if (length < 3 || !(text.startsWith("---", lineStart) || text.startsWith("...", lineStart))) {
            return false;
        }
        if (length > 3 && text.charAt(lineStart + 3) != ' ') {
            return false;
        }
        if (length > 3 && text.substring(lineStart + 3, lineEnd).strip().length() > 0) {
            throw new Unsupported("content after a document marker");
        }
        return true;
    }

    /** Moves to the marker ending the current document (or the end of text) and returns its offset. */
    private int skipToDocumentEnd() {
        while (!documentEnd) {
            try {
                advance();
            } catch (Unsupported e) {
                // an unreadable line inside the document: keep looking for its end
            }
        }
        return Math.min(lineStart, text.length());
    }

    private int indent() {
        return documentEnd ? -1 : contentStart - lineStart;
    }

    private boolean isSequenceEntry() {
        return !documentEnd && text.charAt(contentStart) == '-'
                && (contentStart + 1 == lineEnd || text.charAt(contentStart + 1) == ' ');
    }

    private Range here(int from, int to) {
        return Range.of(line, from - lineStart, line, to - lineStart);
    }

    // ---- collections ----

    /** A block mapping whose keys sit at {@code indent}; the current line holds its first key. */
    private YMap mapping(int indent, Object shape) {
        Range start = here(contentStart, contentStart);
        List<YEntry> entries = new ArrayList<>();
        while (indent() == indent && !isSequenceEntry()) {
            YScalar key = key();
            Object childShape = shape == null ? null : InventoryShape.child(shape, key.value());
            YNode value = value(indent, childShape);
            if (childShape != null && value != null) {
                entries.add(new YEntry(key, value));
            }
        }
        if (indent() > indent) {
            throw new Unsupported("a line indented deeper than its mapping");
        }
        return new YMap(start, entries);
    }

    /** A block sequence whose dashes sit at {@code indent}. */
    private YSeq sequence(int indent, Object shape) {
        Range start = here(contentStart, contentStart);
        List<YNode> nodes = new ArrayList<>();
        while (indent() == indent && isSequenceEntry()) {
            int dash = contentStart;
            int item = dash + 1;
            while (item < lineEnd && text.charAt(item) == ' ') {
                item++;
            }
            YNode node;
            if (item == lineEnd || text.charAt(item) == '#') {
                advance();
                node = indent() > indent ? block(indent(), shape) : null;
            } else {
                contentStart = item;
                node = inlineNode(indent, item - lineStart, shape);
            }
            if (shape == ITEMS) {
                if (node instanceof YMap map) {
                    documents.item(map);
                }
            } else if (shape != null) {
                nodes.add(node == null ? new YScalar(start, "", ScalarKind.NULL, true) : node);
            }
        }
        if (indent() > indent) {
            throw new Unsupported("a line indented deeper than its sequence");
        }
        return new YSeq(start, nodes);
    }

    /** A sequence entry's content on the dash line: a nested sequence, a mapping or a scalar. */
    private YNode inlineNode(int parentIndent, int column, Object shape) {
        Object itemShape = shape == ITEMS ? InventoryShape.ITEM : shape;
        if (isSequenceEntry()) {
            return sequence(column, itemShape);
        }
        if (startsMappingEntry()) {
            return mapping(column, itemShape);
        }
        return scalarValue(parentIndent, contentStart, itemShape != null);
    }

    /** A nested block on the current line, at its indentation. */
    private YNode block(int indent, Object shape) {
        if (shape == ITEMS && !isSequenceEntry()) {
            // "items" that is not a list holds no objects
            shape = null;
        }
        return isSequenceEntry() ? sequence(indent, shape) : startsMappingEntry() ? mapping(indent, shape)
                : scalarValue(indent - 1, contentStart, shape != null);
    }

    /** True when the current content is "key:" or "key: …" (a quoted or plain key). */
    private boolean startsMappingEntry() {
        return keyEnd() >= 0;
    }

    /** The offset of the ':' ending the key on the current line, or -1. */
    private int keyEnd() {
        int i = contentStart;
        char first = text.charAt(i);
        if (first == '"' || first == '\'') {
            int close = closingQuote(i);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
            while (i < lineEnd && text.charAt(i) == ' ') {
                i++;
            }
            return i < lineEnd && text.charAt(i) == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ') ? i : -1;
        }
        if (first == '?' || first == '&' || first == '*' || first == '!' || first == '{' || first == '[' || first == '|'
                || first == '>') {
            if (first == '?' || first == '&' || first == '!') {
                throw new Unsupported("a complex key, anchor or tag");
            }
            return -1;
        }
        for (; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** The closing quote of the scalar opened at {@code open} on this line, or -1. */
    private int closingQuote(int open) {
        return findClosingFrom(open + 1, text.charAt(open));
    }

    /** Reads the key of the current mapping line and moves past its ':'. */
    private YScalar key() {
        int colon = keyEnd();
        if (colon < 0) {
            throw new Unsupported("a mapping line without a key");
        }
        int end = colon;
        while (end > contentStart && text.charAt(end - 1) == ' ') {
            end--;
        }
        char first = text.charAt(contentStart);
        String name = first == '"' ? unescapeDouble(text.substring(contentStart + 1, end - 1))
                : first == '\'' ? text.substring(contentStart + 1, end - 1).replace("''", "'")
                : text.substring(contentStart, end);
        if (first != '"' && first != '\'' && name.equals("<<")) {
            throw new Unsupported("a merge key");
        }
        if (first != '"' && first != '\'' && BOOLEAN_WORDS.contains(name)) {
            // go-yaml turns a boolean key into "true"/"false", as the full parser does
            name = String.valueOf(Yaml11.isTrue(name));
        }
        YScalar key = new YScalar(here(contentStart, end), name, ScalarKind.STRING, first != '"' && first != '\'');
        contentStart = colon + 1;
        while (contentStart < lineEnd && text.charAt(contentStart) == ' ') {
            contentStart++;
        }
        return key;
    }

    /** The value after "key:" of a mapping at {@code indent}; null for a skipped field. */
    private YNode value(int indent, Object shape) {
        if (contentStart == lineEnd || text.charAt(contentStart) == '#') {
            Range at = here(contentStart, contentStart);
            advance();
            if (indent() > indent || indent() == indent && isSequenceEntry()) {
                if (shape == null) {
                    skipDeeper(indent);
                    return null;
                }
                return block(indent(), shape);
            }
            return new YScalar(at, "", ScalarKind.NULL, true);
        }
        return scalarValue(indent, contentStart, shape != null);
    }

    /** Skips the lines of a value nested under a key at {@code indent}, without reading them. */
    private void skipDeeper(int indent) {
        while (indent() > indent || indent() == indent && isSequenceEntry()) {
            advance();
        }
    }

    // ---- scalars ----

    /** A scalar starting at {@code from} whose continuation lines are indented deeper than {@code indent}. */
    private YNode scalarValue(int indent, int from, boolean keep) {
        char first = text.charAt(from);
        switch (first) {
            case '&', '*', '!' -> throw new Unsupported("an anchor, alias or tag");
            case '{', '[' -> {
                String rest = stripComment(text.substring(from, lineEnd)).strip();
                if (rest.equals("{}") || rest.equals("[]")) {
                    Range at = here(from, lineEnd);
                    advance();
                    return first == '{' ? new YMap(at, List.of()) : new YSeq(at, List.of());
                }
                throw new Unsupported("a flow collection");
            }
            case '|', '>' -> {
                return blockScalar(indent, from, keep);
            }
            case '"', '\'' -> {
                return keep ? quoted(indent, from, first) : skipScalar(indent);
            }
            default -> {
                return keep ? plain(indent, from) : skipScalar(indent);
            }
        }
    }

    /**
     * Skips a plain or quoted scalar of a field that is not kept: its continuation lines, folded or
     * inside quotes, are all indented deeper than its key.
     */
    private YScalar skipScalar(int indent) {
        advance();
        while (indent() > indent) {
            advance();
        }
        return null;
    }

    private YScalar plain(int indent, int from) {
        int startLine = line;
        int startColumn = from - lineStart;
        StringBuilder value = new StringBuilder(stripComment(text.substring(from, lineEnd)).strip());
        int endColumn = lineEnd - lineStart;
        int endLine = line;
        advance();
        // go-yaml folds long plain scalars onto deeper-indented lines; blank lines between become newlines
        while (indent() > indent && !documentEnd) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(stripComment(text.substring(contentStart, lineEnd)).strip());
            endLine = line;
            endColumn = lineEnd - lineStart;
            advance();
        }
        String string = value.toString();
        return new YScalar(Range.of(startLine, startColumn, endLine, endColumn), string, Yaml11.resolvePlain(string), true);
    }

    private static String stripComment(String text) {
        int hash = text.indexOf(" #");
        return hash >= 0 ? text.substring(0, hash) : text;
    }

    private YScalar quoted(int indent, int from, char quote) {
        int startLine = line;
        int startColumn = from - lineStart;
        int close = closingQuote(from);
        if (close >= 0) {
            String rest = stripComment(text.substring(close + 1, lineEnd)).strip();
            if (!rest.isEmpty()) {
                throw new Unsupported("text after a quoted scalar");
            }
            String raw = text.substring(from + 1, close);
            Range range = Range.of(startLine, startColumn, startLine, close + 1 - lineStart);
            advance();
            return new YScalar(range, quote == '"' ? unescapeDouble(raw) : raw.replace("''", "'"), ScalarKind.STRING, false);
        }
        // A quoted scalar folded over several lines: line breaks become spaces, a blank line a newline.
        StringBuilder raw = new StringBuilder().append(text, from + 1, lineEnd);
        while (true) {
            advance();
            if (documentEnd || indent() <= indent) {
                throw new Unsupported("an unterminated quoted scalar");
            }
            contentStart = lineStart + indent();
            int saved = contentStart;
            int end = findClosingFrom(saved, quote);
            boolean escapedBreak = quote == '"' && raw.length() > 0 && raw.charAt(raw.length() - 1) == '\\';
            if (escapedBreak) {
                raw.setLength(raw.length() - 1);
            } else {
                raw.append(' ');
            }
            if (end >= 0) {
                raw.append(text, saved, end);
                Range range = Range.of(startLine, startColumn, line, end + 1 - lineStart);
                if (!stripComment(text.substring(end + 1, lineEnd)).isBlank()) {
                    throw new Unsupported("text after a quoted scalar");
                }
                advance();
                String value = raw.toString();
                return new YScalar(range, quote == '"' ? unescapeDouble(value) : value.replace("''", "'"),
                        ScalarKind.STRING, false);
            }
            raw.append(text, saved, lineEnd);
        }
    }

    /** The first unescaped {@code quote} from {@code from} on this line ('' and \" do not close), or -1. */
    private int findClosingFrom(int from, char quote) {
        for (int i = from; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Literal block scalars are read (kept fields rarely hold one); folded ones only skipped. */
    private YNode blockScalar(int indent, int from, boolean keep) {
        String header = stripComment(text.substring(from, lineEnd)).strip();
        if (!header.matches("[|>][-+]?")) {
            throw new Unsupported("a block scalar with an indentation indicator");
        }
        Range at = here(from, lineEnd);
        List<String> lines = new ArrayList<>();
        int contentIndent = -1;
        // Blank lines are part of the scalar, so walk raw lines rather than advance().
        while (nextLineStart <= text.length()) {
            int start = nextLineStart;
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int spaces = 0;
            while (start + spaces < end && text.charAt(start + spaces) == ' ') {
                spaces++;
            }
            boolean blank = start + spaces == end;
            if (!blank && (spaces <= indent || contentIndent >= 0 && spaces < contentIndent)) {
                break;
            }
            if (!blank && contentIndent < 0) {
                contentIndent = spaces;
            }
            lines.add(blank ? "" : text.substring(start + contentIndent, end));
            nextLineStart = end >= text.length() ? text.length() + 1
                    : text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            line++;
        }
        advance();
        if (!keep) {
            return null;
        }
        if (header.charAt(0) == '>') {
            throw new Unsupported("a folded block scalar in a kept field");
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && !header.endsWith("+")) {
            lines.remove(lines.size() - 1);
        }
        String value = String.join("\n", lines) + (header.endsWith("-") || lines.isEmpty() ? "" : "\n");
        return new YScalar(at, value, ScalarKind.STRING, false);
    }

    /** YAML double-quoted escapes. */
    private static String unescapeDouble(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't', '\t' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case ' ', '"', '/', '\\' -> out.append(next);
                case 'N' -> out.append('\u0085');
                case '_' -> out.append('\u00a0');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x', 'u', 'U' -> {
                    int digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                    if (i + digits >= raw.length()) {
                        throw new Unsupported("a short escape");
                    }
                    try {
                        out.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16));
                    } catch (IllegalArgumentException e) {
                        throw new Unsupported("a bad escape");
                    }
                    i += digits;
                }
                default -> throw new Unsupported("an unknown escape");
            }
        }
        return out.toString();
    }
}
