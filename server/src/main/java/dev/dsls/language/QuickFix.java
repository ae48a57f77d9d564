package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YamlFile;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** The fix for diagnostics of one code (or one reason): edits built from the YAML model of the file. */
interface QuickFix {
    /** A titled set of edits the editor applies at once. */
    record Fix(String title, List<TextEdit> edits) {
    }

    /** The fixes for the diagnostic; empty when the file's layout leaves no safe edit. */
    List<Fix> fixes(YamlFile file, Diagnostic diagnostic);
}
