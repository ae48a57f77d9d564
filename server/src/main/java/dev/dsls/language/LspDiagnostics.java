package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** dsls diagnostics in LSP4J's data model, for publishing and for the diagnostics a quick fix resolves. */
public final class LspDiagnostics {
    private LspDiagnostics() {
    }

    public static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic diagnostic) {
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
