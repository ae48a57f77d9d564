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
    /** Other documents follow an edit of a DaemonSet they share nodes with after this pause. */
    private static final long OTHERS_DELAY_MILLIS = 300;

    private final ServerSession session;
    private final DiagnosticsPublisher publisher;
    private volatile java.util.concurrent.ScheduledFuture<?> othersPending;

    OpenDocuments(ServerSession session) {
        this.session = session;
        this.publisher = new DiagnosticsPublisher(session);
    }

    void open(String uri, String text, int version) {
        session.service().workspace().edit(uri, version, text);
        publisher.schedule(uri, true);
        recheckOthers(uri, text);
    }

    void change(String uri, Integer version, List<TextDocumentContentChangeEvent> changes) {
        ManifestFile file = session.service().workspace().file(uri);
        if (file == null) {
            session.log(MessageType.Warning, "didChange for a document that is not open: " + uri);
            return;
        }
        String text = TextChanges.apply(file.text(), changes);
        session.service().workspace().edit(uri, version == null ? file.version() + 1 : version, text);
        publisher.schedule(uri, false);
        recheckOthers(uri, text);
    }

    void close(String uri) {
        ManifestFile file = session.service().workspace().file(uri);
        session.service().close(uri);
        publisher.clear(uri);
        if (file != null) {
            recheckOthers(uri, file.text());
        }
    }

    /**
     * A DaemonSet changed: the others open share its nodes, so their diagnostics and lenses follow, once
     * the typing pauses.
     */
    private void recheckOthers(String uri, String text) {
        if (!text.contains("DaemonSet") && !text.contains("PriorityClass")) {
            return;
        }
        java.util.concurrent.ScheduledFuture<?> previous = othersPending;
        if (previous != null) {
            previous.cancel(false);
        }
        othersPending = session.worker().schedule(() -> {
            boolean any = false;
            for (ManifestFile other : session.service().workspace().files()) {
                if (!other.uri().equals(uri) && other.text().contains("DaemonSet")) {
                    publisher.schedule(other.uri(), true);
                    any = true;
                }
            }
            org.eclipse.lsp4j.services.LanguageClient client = session.client();
            if (any && session.support().refreshesCodeLenses() && client != null) {
                client.refreshCodeLenses();
            }
        }, OTHERS_DELAY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
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
