package dev.dsls.language;

import dev.dsls.diagnostics.DataKeys;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YamlFile;
import java.util.List;

/** {@code unquoted-string}: quote the YAML 1.1 boolean or number where a string is required. */
final class QuoteValueFix implements QuickFix {
    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        String quoted = diagnostic.data().get(DataKeys.QUOTED);
        return quoted == null ? List.of()
                : List.of(new Fix("Quote the value: " + quoted, List.of(YamlEdits.replace(diagnostic.range(), quoted))));
    }
}
