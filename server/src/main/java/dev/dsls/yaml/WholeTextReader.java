package dev.dsls.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text that is already in memory. SnakeYAML's own {@link StreamReader} reads
 * 1,024 characters at a time and copies its whole window on each read; while the scanner looks ahead
 * through one long scalar the window is the scalar, so a 3 MiB value on one line cost seconds
 * (quadratic). Here the text is decoded into code points once and every look-ahead is an array access.
 * Behaviour is otherwise StreamReader's: {@code '\0'} past the end, the same line and column counting,
 * and a {@link ReaderException} for a character YAML does not allow (reported at its code point index).
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'string'";

    private final int[] codePoints;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        super("");
        this.codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], "special characters are not allowed");
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int at = pointer + offset;
        return at >= 0 && at < codePoints.length ? codePoints[at] : '\0';
    }

    @Override
    public String prefix(int length) {
        int available = Math.max(0, Math.min(length, codePoints.length - pointer));
        return available == 0 ? "" : new String(codePoints, pointer, available);
    }

    /** As StreamReader: only used for a prefix without line breaks. */
    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
