package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code selector-mismatch}: give the template every label of spec.selector.matchLabels, in the style
 * the labels are written in: differing values are changed in place, missing labels join a block map as
 * new lines and a flow map as new entries, and a template without labels gets a flow map of them.
 */
final class SelectorLabelsFix implements QuickFix {
    private static final YamlPath MATCH_LABELS = YamlPath.parse("spec.selector.matchLabels");
    private static final YamlPath TEMPLATE_METADATA = YamlPath.parse("spec.template.metadata");

    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        YMap root = YamlEdits.rootOf(file, diagnostic);
        if (root == null || !(MATCH_LABELS.resolve(root) instanceof YMap selector) || selector.entries().isEmpty()
                || !(TEMPLATE_METADATA.resolve(root) instanceof YMap metadata) || metadata.entries().isEmpty()) {
            return List.of();
        }
        TextIndex index = file.index();
        YNode labels = metadata.get("labels");
        List<TextEdit> edits;
        if (labels instanceof YMap map) {
            edits = merge(index, map, selector);
        } else if (labels == null && YamlEdits.isBlock(index, metadata)) {
            Map<String, String> wanted = new LinkedHashMap<>();
            selector.entries().forEach(entry -> wanted.put(entry.name(), entry.value().toString()));
            edits = List.of(YamlEdits.insertEntry(index, metadata, "labels: " + flow(wanted)));
        } else {
            return List.of();
        }
        return edits.isEmpty() ? List.of() : List.of(new Fix("Make the template labels match spec.selector", edits));
    }

    private static List<TextEdit> merge(TextIndex index, YMap labels, YMap selector) {
        List<TextEdit> edits = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (YEntry wanted : selector.entries()) {
            YEntry present = labels.entry(wanted.name());
            String value = wanted.value().toString();
            if (present == null) {
                missing.add(scalar(wanted.name()) + ": " + scalar(value));
            } else if (!value.equals(present.value().toString())) {
                edits.add(YamlEdits.replace(present.value().range(), scalar(value)));
            }
        }
        if (missing.isEmpty()) {
            return edits;
        }
        if (labels.entries().isEmpty()) {
            edits.add(YamlEdits.replace(labels.range(), "{" + String.join(", ", missing) + "}"));
        } else if (YamlEdits.isBlock(index, labels)) {
            edits.add(YamlEdits.insertEntry(index, labels, String.join("\n", missing)));
        } else {
            Position last = labels.entries().get(labels.entries().size() - 1).range().end();
            edits.add(YamlEdits.replace(new Range(last, last), ", " + String.join(", ", missing)));
        }
        return edits;
    }

    private static String flow(Map<String, String> labels) {
        StringBuilder flow = new StringBuilder("{");
        labels.forEach((key, value) -> flow.append(flow.length() > 1 ? ", " : "").append(scalar(key)).append(": ")
                .append(scalar(value)));
        return flow.append('}').toString();
    }

    private static String scalar(String text) {
        return CompletionService.needsQuotes(text) ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
    }

}
