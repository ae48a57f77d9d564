package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YamlFile;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** The fix for diagnostics of one code (or one reason): edits built from the YAML model of the file. */
interface QuickFix {
    /**
     * A titled set of edits the editor applies at once. A fix that changes what the manifest means
     * rather than mending it (letting a DaemonSet onto the control plane) is never the preferred one.
     */
    record Fix(String title, List<TextEdit> edits, boolean preferable) {
        Fix(String title, List<TextEdit> edits) {
            this(title, edits, true);
        }
    }

    /** The fixes for the diagnostic; empty when the file's layout leaves no safe edit. */
    List<Fix> fixes(YamlFile file, Diagnostic diagnostic);
}
