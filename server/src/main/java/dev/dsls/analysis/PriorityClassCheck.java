package dev.dsls.analysis;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.scheduling.PriorityClasses;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;

/**
 * A priorityClassName that is neither built in nor a PriorityClass dsls can see (the manifests given,
 * the workspace folder, the inventory): the priority admission plugin rejects every pod that names an
 * unknown class, so the DaemonSet is created but none of its pods are.
 */
final class PriorityClassCheck implements ObjectCheck {
    static final String UNKNOWN_PRIORITY_CLASS = "unknown-priority-class";
    private static final YamlPath CLASS_NAME = YamlPath.parse("spec.template.spec.priorityClassName");

    private final PriorityClasses classes;

    PriorityClassCheck(PriorityClasses classes) {
        this.classes = classes;
    }

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        YNode node = daemonSet.at(CLASS_NAME);
        if (!(node instanceof YScalar name) || name.isNull() || name.value().isEmpty()
                || classes.resolve(name.value()).known()) {
            return;
        }
        String closest = Suggestions.closest(name.value(), classes.names());
        sink.report(Severity.WARNING, UNKNOWN_PRIORITY_CLASS, name.range(), String.format("No PriorityClass \"%s\""
                + " is built in or defined in the manifests, the workspace or the inventory: the API server's"
                + " priority admission rejects every pod that names it, so the DaemonSet is created but shows"
                + " DESIRED n, CURRENT 0. %sDefine the PriorityClass, or add it to the inventory with kubectl get"
                + " priorityclasses -o yaml.", name.value(), closest == null ? "" : "Did you mean \"" + closest + "\"? "));
    }
}
