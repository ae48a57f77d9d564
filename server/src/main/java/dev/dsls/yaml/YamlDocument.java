package dev.dsls.yaml;

import java.util.List;

/**
 * One document of a YAML stream: its root node (null when the document is empty or failed to
 * parse), the span of text it occupies, and the problems found while reading it.
 */
public record YamlDocument(int index, YNode root, Range range, int startOffset, int endOffset,
                           List<YamlProblem> problems) {
    public YMap rootMap() {
        return root instanceof YMap map ? map : null;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
