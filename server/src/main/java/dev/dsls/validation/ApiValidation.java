package dev.dsls.validation;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.diagnostics.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlPath;

/** The API server's create validation of an apps/v1 DaemonSet (pkg/apis/apps/validation). */
public final class ApiValidation implements ObjectCheck {
    public static final String SELECTOR_MISMATCH = "selector-mismatch";

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        validateSelectorMatchesTemplate(daemonSet, sink);
    }

    private void validateSelectorMatchesTemplate(ManifestObject daemonSet, DiagnosticSink sink) {
        YMap selector = daemonSet.at("spec.selector") instanceof YMap map ? map : null;
        YMap matchLabels = selector == null ? null : selector.map("matchLabels");
        YMap labels = daemonSet.at("spec.template.metadata.labels") instanceof YMap map ? map : null;
        boolean matches = matchLabels != null && !matchLabels.entries().isEmpty() && matchLabels.entries().stream()
                .allMatch(entry -> labels != null && labels.text(entry.name()) != null
                        && labels.text(entry.name()).equals(entry.value().toString()));
        if (!matches) {
            YamlPath labelsPath = YamlPath.parse("spec.template.metadata.labels");
            sink.apiError(SELECTOR_MISMATCH, labelsPath, "Invalid",
                    "Invalid value: " + (labels == null ? "map[string]string(nil)" : "map[string]string{...}")
                            + ": `selector` does not match template `labels`; make every spec.selector.matchLabels"
                            + " entry appear with the same value under spec.template.metadata.labels.");
        }
    }
}
