package dev.dsls.testing;

import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;

/**
 * YAML text with the cursor marked by {@code <*>}, as the tests write it: a marker YAML cannot contain
 * (unlike {@code |}, the literal-block indicator).
 */
public record Cursor(String text, Position position) {
    public static final String MARKER = "<*>";

    public static Cursor of(String markedText) {
        int at = markedText.indexOf(MARKER);
        if (at < 0 || markedText.indexOf(MARKER, at + 1) >= 0) {
            throw new IllegalArgumentException("mark exactly one cursor with " + MARKER + " in:\n" + markedText);
        }
        String text = markedText.substring(0, at) + markedText.substring(at + MARKER.length());
        return new Cursor(text, new TextIndex(text).positionAt(at));
    }
}
