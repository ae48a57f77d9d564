package dev.dsls.language;

import dev.dsls.diagnostics.DataKeys;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YamlFile;
import java.util.List;

/**
 * {@code unknown-field} and {@code placement-unknown-label}: change the field, label, value or node
 * name to the near one the check found, quoted where YAML would otherwise read another type.
 */
final class SuggestionFix implements QuickFix {
    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        String suggestion = diagnostic.data().get(DataKeys.SUGGESTION);
        if (suggestion == null) {
            return List.of();
        }
        String text = CompletionService.needsQuotes(suggestion) ? "\"" + suggestion + "\"" : suggestion;
        return List.of(new Fix("Change to \"" + suggestion + "\"", List.of(YamlEdits.replace(diagnostic.range(), text))));
    }
}
