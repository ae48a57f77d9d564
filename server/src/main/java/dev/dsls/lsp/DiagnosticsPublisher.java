package dev.dsls.lsp;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.LspDiagnostics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Computes and publishes diagnostics after a short pause in typing. Work is done on the session's one
 * worker thread, in order, always on the newest version of a document; results for a version the user
 * has changed meanwhile are dropped, so stale diagnostics are never published and a newer version's
 * never arrive before an older one's.
 */
final class DiagnosticsPublisher {
    private static final long DEBOUNCE_MILLIS = 50;

    /** A document's last published diagnostics, which quick fixes are computed from. */
    record Published(int version, List<Diagnostic> diagnostics) {
    }

    private final ServerSession session;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    DiagnosticsPublisher(ServerSession session) {
        this.session = session;
    }

    /** Schedules a check of the document; an earlier pending check of it is cancelled. */
    void schedule(String uri, boolean immediately) {
        DaemonSetLanguageService service = session.service();
        ScheduledFuture<?> previous = pending.put(uri, session.worker().schedule(() -> {
            ManifestFile file = service.workspace().file(uri);
            if (file == null) {
                return;
            }
            List<Diagnostic> diagnostics = service.diagnostics(file);
            if (service.workspace().file(uri) == file) {
                publish(uri, file.version(), diagnostics);
            }
        }, immediately ? 0 : DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        if (version != null) {
            published.put(uri, new Published(version, diagnostics));
        }
        LanguageClient client = session.client();
        if (client == null) {
            return;
        }
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri,
                diagnostics.stream().map(LspDiagnostics::toLsp).toList());
        params.setVersion(version);
        client.publishDiagnostics(params);
    }

    void clear(String uri) {
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        published.remove(uri);
        LanguageClient client = session.client();
        if (client != null) {
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /** The diagnostics last published for the version, or null when that version has none yet. */
    List<Diagnostic> last(String uri, int version) {
        Published last = published.get(uri);
        return last != null && last.version() == version ? last.diagnostics() : null;
    }
}
