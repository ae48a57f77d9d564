package dev.dsls.lsp;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import java.util.List;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** The documents the editor has open: their text into the language service's workspace, diagnostics out. */
final class OpenDocuments {
    private final ServerSession session;
    private final DiagnosticsPublisher publisher;

    OpenDocuments(ServerSession session) {
        this.session = session;
        this.publisher = new DiagnosticsPublisher(session);
    }

    void open(String uri, String text, int version) {
        session.service().workspace().edit(uri, version, text);
        publisher.schedule(uri, true);
    }

    void change(String uri, Integer version, List<TextDocumentContentChangeEvent> changes) {
        ManifestFile file = session.service().workspace().file(uri);
        if (file == null) {
            session.log(MessageType.Warning, "didChange for a document that is not open: " + uri);
            return;
        }
        session.service().workspace().edit(uri, version == null ? file.version() + 1 : version,
                TextChanges.apply(file.text(), changes));
        publisher.schedule(uri, false);
    }

    void close(String uri) {
        session.service().close(uri);
        publisher.clear(uri);
    }

    /** The current version of an open document; a request for any other is invalid. */
    ManifestFile require(String uri) {
        ManifestFile file = session.service().workspace().file(uri);
        if (file == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "the document " + uri + " is not open; send textDocument/didOpen first", null));
        }
        return file;
    }

    /** The file's diagnostics: those published for this version, else computed now. */
    List<Diagnostic> diagnostics(ManifestFile file) {
        List<Diagnostic> published = publisher.last(file.uri(), file.version());
        return published != null ? published : session.service().diagnostics(file);
    }

    /** Checks every open document again (settings or the inventory changed). */
    void recheckAll() {
        session.service().workspace().files().forEach(file -> publisher.schedule(file.uri(), true));
    }

    /** Publishes diagnostics for a file that is not a manifest (an inventory file); no version. */
    void publishForFile(String uri, List<Diagnostic> diagnostics) {
        publisher.publish(uri, null, diagnostics);
    }
}
