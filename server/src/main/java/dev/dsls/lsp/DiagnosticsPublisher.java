package dev.dsls.lsp;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.language.LspRanges;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Computes and publishes diagnostics after a short pause in typing. Work is done on one thread, in
 * order; results for a version the user has already changed are dropped, so stale diagnostics are
 * never published and a newer version's never arrive before an older one's.
 */
final class DiagnosticsPublisher {
    /** A document's last published diagnostics, which quick fixes are computed from. */
    record Published(int version, List<Diagnostic> diagnostics) {
    }

    private final ScheduledExecutorService worker;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final long debounceMillis;
    private volatile LanguageClient client;

    DiagnosticsPublisher(ScheduledExecutorService worker, long debounceMillis) {
        this.worker = worker;
        this.debounceMillis = debounceMillis;
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    /** Schedules a check of the document; an earlier pending check of it is cancelled. */
    void schedule(OpenDocument document, Function<OpenDocument, List<Diagnostic>> analysis, boolean immediately) {
        int version = document.version();
        ScheduledFuture<?> previous = pending.put(document.uri(), worker.schedule(() -> {
            if (document.version() != version) {
                return;
            }
            List<Diagnostic> diagnostics = analysis.apply(document);
            if (document.version() != version) {
                return;
            }
            publish(document.uri(), version, diagnostics);
        }, immediately ? 0 : debounceMillis, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        if (version != null) {
            published.put(uri, new Published(version, diagnostics));
        }
        LanguageClient target = client;
        if (target == null) {
            return;
        }
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri,
                diagnostics.stream().map(DiagnosticsPublisher::toLsp).toList());
        params.setVersion(version);
        target.publishDiagnostics(params);
    }

    void clear(String uri) {
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        published.remove(uri);
        LanguageClient target = client;
        if (target != null) {
            target.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    Published last(String uri) {
        return published.get(uri);
    }

    static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic diagnostic) {
        org.eclipse.lsp4j.Diagnostic lsp = new org.eclipse.lsp4j.Diagnostic(LspRanges.toLsp(diagnostic.range()),
                diagnostic.message());
        lsp.setSeverity(switch (diagnostic.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        });
        lsp.setCode(diagnostic.code());
        lsp.setSource("dsls");
        return lsp;
    }
}
