package dev.dsls.lsp;

import dev.dsls.language.LspRanges;
import dev.dsls.yaml.TextIndex;
import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies LSP content changes, full or incremental, to a document's text. */
final class TextChanges {
    private TextChanges() {
    }

    /**
     * The text after the changes, in order. A range outside the text is clamped to it, as editors expect
     * of an out-of-date edit, rather than failing: the user's text must never be lost.
     */
    static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            String inserted = change.getText() == null ? "" : change.getText();
            if (change.getRange() == null) {
                current = inserted;
                continue;
            }
            TextIndex index = new TextIndex(current);
            int start = index.offsetAt(LspRanges.fromLsp(change.getRange().getStart()));
            int end = index.offsetAt(LspRanges.fromLsp(change.getRange().getEnd()));
            current = current.substring(0, Math.min(start, end)) + inserted + current.substring(Math.max(start, end));
        }
        return current;
    }
}
