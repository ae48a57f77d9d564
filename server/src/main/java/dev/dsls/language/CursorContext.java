package dev.dsls.language;

import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the cursor is in YAML that may not parse yet, read from indentation alone, line by line
 * upwards, so completion and hover keep working while the user types (the approach of STS4's YAML
 * editor support).
 *
 * @param path       keys from the document root to the mapping or list the cursor is in; {@link #ITEM} marks a list item
 * @param key        on a value: the key it belongs to; on a key: the whole key under the cursor
 * @param onValue    true in a value position ({@code key: |})
 * @param inListItem true on a {@code - |} list item that has no key yet
 * @param word       the partial word before the cursor that a completion replaces
 * @param wordStart  the column where that word starts
 * @param siblings   keys already present in the mapping the cursor is in
 * @param column     the column where a key at the cursor starts
 */
public record CursorContext(List<String> path, String key, boolean onValue, boolean inListItem, String word,
                            int wordStart, Set<String> siblings, int column) {
    public static final String ITEM = "[]";

    /** Sibling keys are looked for among this many lines up, and as many down (see contentLines). */
    private static final int MAX_SIBLING_LINES = 10_000;

    private static final Pattern KEY = Pattern.compile("^(\"[^\"]*\"|'[^']*'|[^\\s#:'\"{\\[][^:#]*?)\\s*:(?:\\s+(.*))?$");

    /** One non-blank line's shape: indentation, a leading "- ", the key column and key. */
    private record Line(int indent, boolean dashed, int keyColumn, String key, boolean opensBlock) {
        static Line parse(String text) {
            int indent = 0;
            while (indent < text.length() && text.charAt(indent) == ' ') {
                indent++;
            }
            int keyColumn = indent;
            boolean dashed = false;
            while (keyColumn < text.length() && text.charAt(keyColumn) == '-'
                    && (keyColumn + 1 == text.length() || text.charAt(keyColumn + 1) == ' ')) {
                dashed = true;
                keyColumn += 1;
                while (keyColumn < text.length() && text.charAt(keyColumn) == ' ') {
                    keyColumn++;
                }
            }
            String content = text.substring(Math.min(keyColumn, text.length())).strip();
            Matcher matcher = KEY.matcher(content);
            if (!matcher.matches()) {
                return new Line(indent, dashed, keyColumn, null, false);
            }
            String value = matcher.group(2) == null ? "" : matcher.group(2).strip();
            boolean opensBlock = value.isEmpty() || value.startsWith("#") || value.startsWith("|") || value.startsWith(">")
                    || value.startsWith("&");
            return new Line(indent, dashed, keyColumn, unquote(matcher.group(1).strip()), opensBlock);
        }
    }

    /** The context at a position of a text. */
    public static CursorContext at(TextIndex index, Position position) {
        int lineNumber = Math.max(0, Math.min(position.line(), index.lineCount() - 1));
        String lineText = index.lineText(lineNumber);
        int cursor = Math.max(0, Math.min(position.character(), lineText.length()));
        Line line = Line.parse(lineText.substring(0, cursor));
        String typed = lineText.substring(Math.min(line.keyColumn(), cursor), cursor);

        String key;
        boolean onValue;
        String word;
        int wordStart;
        int colon = typed.indexOf(": ");
        if (colon < 0 && typed.endsWith(":")) {
            colon = typed.length() - 1;
        }
        if (colon >= 0 && !typed.startsWith("\"") && !typed.startsWith("'")) {
            key = unquote(typed.substring(0, colon).strip());
            onValue = true;
            word = typed.substring(colon + 1).stripLeading();
            wordStart = cursor - word.length();
        } else {
            onValue = false;
            word = typed;
            wordStart = line.keyColumn();
            int end = cursor;
            while (end < lineText.length() && lineText.charAt(end) != ':' && !Character.isWhitespace(lineText.charAt(end))) {
                end++;
            }
            key = lineText.substring(Math.min(line.keyColumn(), cursor), end);
        }
        List<String> path = parentPath(index, lineNumber, line);
        Set<String> siblings = siblingKeys(index, lineNumber, line);
        return new CursorContext(Collections.unmodifiableList(path), key, onValue, line.dashed() && !onValue, word,
                wordStart, siblings, line.keyColumn());
    }

    /** The keys and list items enclosing the content of a line. */
    private static List<String> parentPath(TextIndex index, int lineNumber, Line start) {
        List<String> reversed = new ArrayList<>();
        int column = start.keyColumn();
        int listDash = -1;
        if (start.dashed()) {
            reversed.add(ITEM);
            listDash = start.indent();
        }
        for (Line line : contentLines(index, lineNumber - 1, -1)) {
            if (listDash >= 0) {
                // Looking for the key that owns the list whose items start with a dash at listDash.
                if (line.indent() > listDash || (line.dashed() && line.indent() == listDash)) {
                    continue;
                }
                if (line.key() == null || line.keyColumn() > listDash || !line.opensBlock()) {
                    break;
                }
                reversed.add(line.key());
                listDash = -1;
                column = line.keyColumn();
                if (line.dashed()) {
                    reversed.add(ITEM);
                    listDash = line.indent();
                }
                continue;
            }
            if (line.dashed() && line.indent() < column) {
                // Inside the item this line starts: as a sibling of its first key, or below that key.
                if (line.keyColumn() < column) {
                    if (line.key() == null || !line.opensBlock()) {
                        break;
                    }
                    reversed.add(line.key());
                }
                reversed.add(ITEM);
                listDash = line.indent();
                continue;
            }
            if (line.keyColumn() < column) {
                if (line.key() == null || !line.opensBlock()) {
                    break;
                }
                reversed.add(line.key());
                column = line.keyColumn();
            }
            if (column == 0) {
                break;
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** Keys already present in the mapping that a key at the start line's key column belongs to. */
    private static Set<String> siblingKeys(TextIndex index, int lineNumber, Line start) {
        Set<String> keys = new LinkedHashSet<>();
        int column = start.keyColumn();
        if (!start.dashed()) {
            for (Line line : contentLines(index, lineNumber - 1, -1, column, MAX_SIBLING_LINES)) {
                if (line.keyColumn() == column && line.key() != null) {
                    keys.add(line.key());
                }
                if (line.keyColumn() < column || (line.dashed() && line.indent() < column)) {
                    break;
                }
            }
        }
        for (Line line : contentLines(index, lineNumber + 1, 1, column, MAX_SIBLING_LINES)) {
            if (line.keyColumn() < column || line.dashed() && line.indent() < column) {
                break;
            }
            if (line.keyColumn() == column && !line.dashed() && line.key() != null) {
                keys.add(line.key());
            }
        }
        return keys;
    }

    /**
     * The lines with content from a line on, upwards ({@code step} -1) or downwards (+1), ending at the
     * edge of the current YAML document; blank and comment lines are skipped.
     */
    private static Iterable<Line> contentLines(TextIndex index, int from, int step) {
        return contentLines(index, from, step, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The content lines indented at most {@code deepest} spaces, at most {@code limit} of them. A line
     * indented deeper holds neither a sibling nor the end of the mapping at that column, so it is
     * skipped by counting spaces, before the costlier {@link Line#parse}; the limit bounds the time a
     * mapping of 100,000 keys costs (a key that far away may then be offered again).
     */
    private static Iterable<Line> contentLines(TextIndex index, int from, int step, int deepest, int limit) {
        return () -> new Iterator<>() {
            private int returned;
            private int next = advance(from);

            private int advance(int start) {
                for (int n = start; n >= 0 && n < index.lineCount(); n += step) {
                    String text = index.lineText(n);
                    if (text.startsWith("---") || text.startsWith("...")) {
                        return -1;
                    }
                    String stripped = text.strip();
                    if (!stripped.isEmpty() && !stripped.startsWith("#") && indentOf(text) <= deepest) {
                        return n;
                    }
                }
                return -1;
            }

            @Override
            public boolean hasNext() {
                return next >= 0 && returned < limit;
            }

            @Override
            public Line next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                Line line = Line.parse(index.lineText(next));
                returned++;
                next = advance(next + step);
                return line;
            }
        };
    }

    private static int indentOf(String text) {
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
