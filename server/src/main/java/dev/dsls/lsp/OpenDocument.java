package dev.dsls.lsp;

import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlParser;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The text of one open document and its version, updated by full or incremental changes. */
final class OpenDocument {
    private final String uri;
    private volatile String text;
    private volatile int version;
    private YamlFile parsed;
    private int parsedVersion = Integer.MIN_VALUE;

    OpenDocument(String uri, String text, int version) {
        this.uri = uri;
        this.text = text;
        this.version = version;
    }

    String uri() {
        return uri;
    }

    String text() {
        return text;
    }

    int version() {
        return version;
    }

    /**
     * The parse of the current text, made once per version and shared by every request; a new
     * version reuses the unchanged documents of the last parse.
     */
    synchronized YamlFile parsed() {
        if (parsedVersion != version || parsed == null) {
            parsed = new YamlParser().parse(text, parsed);
            parsedVersion = version;
        }
        return parsed;
    }

    /**
     * Applies changes in order. A range outside the text is clamped to it, as editors expect of an
     * out-of-date edit, rather than failing: the user's text must never be lost.
     */
    synchronized void apply(List<TextDocumentContentChangeEvent> changes, int newVersion) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                current = change.getText() == null ? "" : change.getText();
                continue;
            }
            TextIndex index = new TextIndex(current);
            int start = index.offsetAt(toModel(change.getRange().getStart()));
            int end = index.offsetAt(toModel(change.getRange().getEnd()));
            if (end < start) {
                int swap = start;
                start = end;
                end = swap;
            }
            current = current.substring(0, start) + (change.getText() == null ? "" : change.getText())
                    + current.substring(end);
        }
        text = current;
        version = newVersion;
    }

    private static dev.dsls.yaml.Position toModel(Position position) {
        return new dev.dsls.yaml.Position(position.getLine(), position.getCharacter());
    }
}
