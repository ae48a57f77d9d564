package dev.dsls.language;

import dev.dsls.diagnostics.DataKeys;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YamlFile;
import java.util.List;

/** {@code unserved-api-version}: move a retired DaemonSet apiVersion to apps/v1. */
final class ApiVersionFix implements QuickFix {
    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        String replacement = diagnostic.data().getOrDefault(DataKeys.REPLACEMENT, "apps/v1");
        return List.of(new Fix("Use apiVersion " + replacement, List.of(YamlEdits.replace(diagnostic.range(), replacement))));
    }
}
