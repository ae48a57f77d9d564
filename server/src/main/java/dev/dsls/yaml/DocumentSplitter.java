package dev.dsls.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the documents of a YAML stream begin and end. A {@code ---} or {@code ...} marker at
 * the start of a line always separates documents, whatever surrounds it, so the split is exact and
 * lets each document be parsed (and re-parsed after an edit) on its own.
 */
final class DocumentSplitter {
    private DocumentSplitter() {
    }

    /** The [start, end) offsets of each document that holds more than comments and blank lines. */
    static List<int[]> split(String text) {
        List<int[]> spans = new ArrayList<>();
        int docStart = text.startsWith("\uFEFF") ? 1 : 0;
        int lineStart = docStart;
        while (lineStart <= text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            int next = nextLine(text, lineEnd);
            if (isMarker(text, lineStart, lineEnd, "---")) {
                addIfContent(text, spans, docStart, lineStart);
                docStart = lineStart;
            } else if (isMarker(text, lineStart, lineEnd, "...")) {
                addIfContent(text, spans, docStart, next);
                docStart = next;
            }
            if (next <= lineStart) {
                break;
            }
            lineStart = next;
        }
        addIfContent(text, spans, docStart, text.length());
        return spans;
    }

    private static boolean isMarker(String text, int lineStart, int lineEnd, String marker) {
        return text.startsWith(marker, lineStart)
                && (lineStart + 3 == lineEnd || text.charAt(lineStart + 3) == ' ' || text.charAt(lineStart + 3) == '\t');
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return text.length() + 1;
        }
        return text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n'
                ? lineEnd + 2 : lineEnd + 1;
    }

    private static void addIfContent(String text, List<int[]> spans, int start, int end) {
        int clampedEnd = Math.min(end, text.length());
        if (start < clampedEnd && hasContent(text, start, clampedEnd)) {
            spans.add(new int[] {start, clampedEnd});
        }
    }

    private static boolean hasContent(String text, int start, int end) {
        int lineStart = start;
        while (lineStart < end) {
            int lineEnd = Math.min(lineEnd(text, lineStart), end);
            int i = lineStart;
            while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            boolean marker = isMarker(text, lineStart, lineEnd, "---") && lineEnd - lineStart <= 3
                    || isMarker(text, lineStart, lineEnd, "...");
            if (i < lineEnd && text.charAt(i) != '#' && !marker && !text.startsWith("%", lineStart)) {
                return true;
            }
            lineStart = nextLine(text, lineEnd);
        }
        return false;
    }
}
