package dev.dsls.yaml;

import java.util.List;

/** The parsed documents of one text, with the index that maps offsets to positions. */
public record YamlFile(TextIndex index, List<YamlDocument> documents) {
    public String text() {
        return index.text();
    }

    /** The document whose text span holds the position, or null between documents. */
    public YamlDocument documentAt(Position position) {
        int offset = index.offsetAt(position);
        for (YamlDocument document : documents) {
            if (offset >= document.startOffset() && offset <= document.endOffset()) {
                return document;
            }
        }
        return null;
    }
}
