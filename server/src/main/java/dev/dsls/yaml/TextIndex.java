package dev.dsls.yaml;

import java.util.Arrays;

/**
 * Converts between UTF-16 offsets in a text and LSP positions. Line breaks are those LSP knows:
 * {@code \n}, {@code \r\n} and a lone {@code \r}.
 */
public final class TextIndex {
    private final String text;
    private final int[] lineStarts;

    public TextIndex(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    /** The offset just past the line's last character, before its line break. */
    public int lineEnd(int line) {
        if (line >= lineStarts.length - 1) {
            return text.length();
        }
        if (line < 0) {
            return lineEnd(0);
        }
        int end = lineStarts[line + 1];
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    public Position positionAt(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = Arrays.binarySearch(lineStarts, clamped);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, clamped - lineStarts[line]);
    }

    /** The offset of a position, clamped into the text (a character past the line end means the line end). */
    public int offsetAt(Position position) {
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[position.line()];
        return Math.min(start + Math.max(0, position.character()), lineEnd(position.line()));
    }

    public Range rangeOf(int startOffset, int endOffset) {
        return new Range(positionAt(startOffset), positionAt(endOffset));
    }
}
