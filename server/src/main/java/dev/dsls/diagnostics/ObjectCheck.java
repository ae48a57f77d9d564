package dev.dsls.diagnostics;

import dev.dsls.schema.ManifestObject;

/** One family of checks over a DaemonSet object; reports what it finds into the sink. */
@FunctionalInterface
public interface ObjectCheck {
    void check(ManifestObject daemonSet, DiagnosticSink sink);
}
