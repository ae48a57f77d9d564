package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import org.eclipse.lsp4j.TextEdit;

/** Text edits that insert into or replace parts of a parsed YAML file, shared by the quick fixes. */
final class YamlEdits {
    private YamlEdits() {
    }

    static TextEdit replace(Range range, String text) {
        return new TextEdit(LspRanges.toLsp(range), text);
    }

    /** The root map of the document a diagnostic is in, or null. */
    static YMap rootOf(YamlFile file, Diagnostic diagnostic) {
        YamlDocument document = file.documentAt(diagnostic.range().start());
        return document == null ? null : document.rootMap();
    }

    /** True when the map is written in block style (its first key starts its line, or follows "- "). */
    static boolean isBlock(TextIndex index, YMap map) {
        Position start = map.entries().get(0).key().range().start();
        return index.lineText(start.line()).substring(0, start.character()).strip().replace("-", "").isEmpty();
    }

    /** A new "key: value" line at the indentation of a block map's keys, after its last entry. */
    static TextEdit insertEntry(TextIndex index, YMap map, String entryText) {
        YEntry first = map.entries().get(0);
        YEntry last = map.entries().get(map.entries().size() - 1);
        String indent = " ".repeat(first.key().range().start().character());
        return insertLineAfter(index, last.range(), indent + entryText.replace("\n", "\n" + indent));
    }

    /**
     * A whole line inserted after the lines a range covers (at the end of the file when it is last). A
     * block collection's range ends where the next token starts, so an end with only indentation before
     * it on its line belongs to the next line's content, not to the node.
     */
    static TextEdit insertLineAfter(TextIndex index, Range after, String line) {
        Position end = after.end();
        String lineText = index.lineText(end.line());
        boolean endsBeforeLineContent = end.line() > after.start().line()
                && lineText.substring(0, Math.min(end.character(), lineText.length())).isBlank();
        int insertLine = endsBeforeLineContent ? end.line() : end.line() + 1;
        if (insertLine >= index.lineCount()) {
            Position eof = index.positionAt(index.text().length());
            String prefix = index.text().endsWith("\n") ? "" : "\n";
            return new TextEdit(LspRanges.toLsp(new Range(eof, eof)), prefix + line + "\n");
        }
        Position at = new Position(insertLine, 0);
        return new TextEdit(LspRanges.toLsp(new Range(at, at)), line + "\n");
    }
}
