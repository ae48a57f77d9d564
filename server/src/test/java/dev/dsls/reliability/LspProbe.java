package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.lsp.LspTestClient;
import dev.dsls.yaml.TextIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/** What an editor does with a file it opens: wait for diagnostics, then complete and hover all over it. */
final class LspProbe {
    private static final long REQUEST_SECONDS = 20;

    private LspProbe() {
    }

    /** The start, a middle line, the end, past the last line and past the end of the first line. */
    static List<Position> positions(String text) {
        TextIndex index = new TextIndex(text);
        int last = index.lineCount() - 1;
        int middle = last / 2;
        return List.of(new Position(0, 0), new Position(middle, index.lineText(middle).length() / 2),
                new Position(last, index.lineText(last).length()), new Position(last + 10, 3),
                new Position(0, 1_000_000));
    }

    /** Opens the text as version 1 and returns its diagnostics after completion and hover answered everywhere. */
    static PublishDiagnosticsParams openAndProbe(LspTestClient client, String uri, String text) throws Exception {
        client.open(uri, text);
        PublishDiagnosticsParams published = client.awaitDiagnostics(uri,
                p -> p.getVersion() != null && p.getVersion() == 1);
        completeAndHover(client, uri, positions(text));
        return published;
    }

    static void completeAndHover(LspTestClient client, String uri, List<Position> positions) throws Exception {
        var documents = client.server.getTextDocumentService();
        TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
        for (Position position : positions) {
            assertNotNull(documents.completion(new CompletionParams(document, position))
                    .get(REQUEST_SECONDS, TimeUnit.SECONDS), "completion at " + position);
            documents.hover(new HoverParams(document, position)).get(REQUEST_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A normal request on a normal document still gets its normal answer. */
    static void assertStillServing(LspTestClient client, String uri) throws Exception {
        client.open(uri, HostileInputs.DEMO);
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(5, 4))).get(REQUEST_SECONDS, TimeUnit.SECONDS);
        String text = hover.getContents().getRight().getValue();
        assertTrue(text.contains("selector"), text);
    }
}
