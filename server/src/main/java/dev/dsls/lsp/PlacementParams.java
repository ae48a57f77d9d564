package dev.dsls.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/** Parameters of {@code dsls/placement}: like other text-document requests, with an optional position. */
public final class PlacementParams {
    private TextDocumentIdentifier textDocument;
    private Position position;

    public PlacementParams() {
    }

    public PlacementParams(TextDocumentIdentifier textDocument, Position position) {
        this.textDocument = textDocument;
        this.position = position;
    }

    public TextDocumentIdentifier getTextDocument() {
        return textDocument;
    }

    public Position getPosition() {
        return position;
    }
}
