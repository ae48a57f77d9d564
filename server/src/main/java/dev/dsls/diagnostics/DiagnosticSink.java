package dev.dsls.diagnostics;

import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.ManifestObject;

import dev.dsls.yaml.Range;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the diagnostics of one object checked against a Kubernetes version, placing API-server style
 * errors by their field path.
 */
public final class DiagnosticSink {
    private final ManifestObject object;
    private final KubernetesVersion kubernetesVersion;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public DiagnosticSink(ManifestObject object, KubernetesVersion kubernetesVersion) {
        this.object = object;
        this.kubernetesVersion = kubernetesVersion;
    }

    public ManifestObject object() {
        return object;
    }

    /** The version of the cluster the object is checked against: what its API server would say. */
    public KubernetesVersion kubernetesVersion() {
        return kubernetesVersion;
    }

    /**
     * Reports what the API server would report. The range is the node at {@code rangePath} (the key
     * of its entry for maps, the value for scalars), or its nearest present parent.
     *
     * @param field     the path as the API server prints it
     * @param rangePath where the problem is in the YAML (often the same as field)
     */
    public Diagnostic api(Severity severity, String code, String field, YamlPath rangePath, String reason,
                          String message) {
        return place(severity, code, field, object.rangeOf(rangePath, true), reason, message);
    }

    /** Like {@link #api} but marks the key of the entry at {@code rangePath}, e.g. for a field that must go. */
    public Diagnostic apiOnKey(Severity severity, String code, String field, YamlPath rangePath, String reason,
                               String message) {
        return place(severity, code, field, object.rangeOf(rangePath, false), reason, message);
    }

    private Diagnostic place(Severity severity, String code, String field, Range range, String reason,
                             String message) {
        Diagnostic diagnostic = new Diagnostic(severity, code, message, range, field, reason, Map.of());
        diagnostics.add(diagnostic);
        return diagnostic;
    }

    /** Reports an API-server error at the field's own path. */
    public Diagnostic apiError(String code, YamlPath path, String reason, String message) {
        return api(Severity.ERROR, code, path.toString(), path, reason, message);
    }

    /** Reports a finding of dsls itself (best practice, placement): no field path or reason. */
    public Diagnostic report(Severity severity, String code, Range range, String message) {
        Diagnostic diagnostic = Diagnostic.of(severity, code, message, range);
        diagnostics.add(diagnostic);
        return diagnostic;
    }

    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** Replaces the last reported diagnostic, e.g. to attach quick-fix data. */
    public void replaceLast(Diagnostic diagnostic) {
        diagnostics.set(diagnostics.size() - 1, diagnostic);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
