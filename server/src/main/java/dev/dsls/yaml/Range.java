package dev.dsls.yaml;

/** A half-open span of text between two positions. */
public record Range(Position start, Position end) {
    public static Range of(int startLine, int startChar, int endLine, int endChar) {
        return new Range(new Position(startLine, startChar), new Position(endLine, endChar));
    }

    /** True when the position lies inside the span or touches its end (where a cursor after a word sits). */
    public boolean contains(Position position) {
        return !position.isBefore(start) && !end.isBefore(position);
    }
}
