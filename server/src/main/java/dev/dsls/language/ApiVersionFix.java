package dev.dsls.language;

import dev.dsls.diagnostics.DataKeys;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code unserved-api-version}: move a retired DaemonSet apiVersion to apps/v1. The retired versions
 * defaulted spec.selector from the template labels and apps/v1 requires it, so a DaemonSet without one
 * gets the template labels as its selector too, else the move would only trade one error for another.
 */
final class ApiVersionFix implements QuickFix {
    private static final YamlPath TEMPLATE_LABELS = YamlPath.parse("spec.template.metadata.labels");

    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        String replacement = diagnostic.data().getOrDefault(DataKeys.REPLACEMENT, "apps/v1");
        List<TextEdit> edits = new ArrayList<>(List.of(YamlEdits.replace(diagnostic.range(), replacement)));
        YMap root = YamlEdits.rootOf(file, diagnostic);
        YMap spec = root == null ? null : root.map("spec");
        if (spec != null && !spec.entries().isEmpty() && spec.get("selector") == null
                && TEMPLATE_LABELS.resolve(root) instanceof YMap labels && !labels.entries().isEmpty()
                && YamlEdits.isBlock(file.index(), spec)) {
            String flow = "{" + String.join(", ", labels.entries().stream()
                    .map(entry -> file.text().substring(file.index().offsetAt(entry.range().start()),
                            file.index().offsetAt(entry.range().end()))).toList()) + "}";
            edits.add(YamlEdits.insertEntry(file.index(), spec, "selector:\n  matchLabels: " + flow));
        }
        return List.of(new Fix("Use apiVersion " + replacement, edits));
    }
}
