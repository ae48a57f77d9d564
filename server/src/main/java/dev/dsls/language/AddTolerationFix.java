package dev.dsls.language;

import dev.dsls.diagnostics.DataKeys;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** {@code placement-summary} with a toleration near miss: add the toleration that brings the node in. */
final class AddTolerationFix implements QuickFix {
    private static final YamlPath POD_SPEC = YamlPath.parse("spec.template.spec");

    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        String toleration = diagnostic.data().get(DataKeys.TOLERATION);
        YMap root = YamlEdits.rootOf(file, diagnostic);
        if (toleration == null || root == null || !(POD_SPEC.resolve(root) instanceof YMap podSpec)
                || podSpec.entries().isEmpty()) {
            return List.of();
        }
        TextIndex index = file.index();
        YNode tolerations = podSpec.get("tolerations");
        if (tolerations instanceof YSeq seq && index.text().startsWith("[", index.offsetAt(seq.range().start()))) {
            // A flow sequence takes the toleration as its last item.
            if (seq.items().isEmpty()) {
                return List.of(fix(toleration, YamlEdits.replace(seq.range(), "[" + toleration + "]")));
            }
            Range last = seq.items().get(seq.items().size() - 1).range();
            return List.of(fix(toleration, YamlEdits.replace(new Range(last.end(), last.end()), ", " + toleration)));
        }
        if (tolerations instanceof YSeq seq && !seq.items().isEmpty()) {
            YNode first = seq.items().get(0);
            int itemColumn = first.range().start().character();
            String firstLine = index.lineText(first.range().start().line());
            boolean block = itemColumn >= 2 && firstLine.substring(0, itemColumn).strip().equals("-");
            if (!block) {
                return List.of();
            }
            YNode last = seq.items().get(seq.items().size() - 1);
            String item = " ".repeat(itemColumn - 2) + "- " + toleration;
            return List.of(fix(toleration, YamlEdits.insertLineAfter(index, last.range(), item)));
        }
        if (tolerations != null || !YamlEdits.isBlock(index, podSpec)) {
            return List.of();
        }
        return List.of(fix(toleration, YamlEdits.insertEntry(index, podSpec, "tolerations:\n- " + toleration)));
    }

    /** Staying off the control plane is usually what is meant, so tolerating it is offered, never preferred. */
    private static Fix fix(String toleration, org.eclipse.lsp4j.TextEdit edit) {
        return new Fix("Add the toleration " + toleration, List.of(edit), !toleration.contains("node-role.kubernetes.io/"));
    }
}
