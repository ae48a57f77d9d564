package dev.dsls.testing;

import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;

/** YAML text with the cursor marked by {@code |}, as the tests write it. */
public record Cursor(String text, Position position) {
    public static Cursor of(String markedText) {
        int at = markedText.indexOf('|');
        if (at < 0 || markedText.indexOf('|', at + 1) >= 0) {
            throw new IllegalArgumentException("mark exactly one cursor with | in:\n" + markedText);
        }
        String text = markedText.substring(0, at) + markedText.substring(at + 1);
        return new Cursor(text, new TextIndex(text).positionAt(at));
    }
}
