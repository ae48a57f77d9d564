package dev.dsls.yaml;

/** A 0-based line and UTF-16 code unit offset within that line, as LSP counts them. */
public record Position(int line, int character) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(character, other.character);
    }

    public boolean isBefore(Position other) {
        return compareTo(other) < 0;
    }
}
