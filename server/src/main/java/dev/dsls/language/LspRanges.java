package dev.dsls.language;

import dev.dsls.yaml.Range;

/** Converts the model's positions to LSP4J's. */
public final class LspRanges {
    private LspRanges() {
    }

    public static org.eclipse.lsp4j.Range toLsp(Range range) {
        return new org.eclipse.lsp4j.Range(toLsp(range.start()), toLsp(range.end()));
    }

    public static org.eclipse.lsp4j.Position toLsp(dev.dsls.yaml.Position position) {
        return new org.eclipse.lsp4j.Position(position.line(), position.character());
    }

    public static dev.dsls.yaml.Position fromLsp(org.eclipse.lsp4j.Position position) {
        return new dev.dsls.yaml.Position(position.getLine(), position.getCharacter());
    }

    public static Range fromLsp(org.eclipse.lsp4j.Range range) {
        return new Range(fromLsp(range.getStart()), fromLsp(range.getEnd()));
    }
}
