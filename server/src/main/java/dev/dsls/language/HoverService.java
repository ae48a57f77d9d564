package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover for DaemonSet manifests: a field's Kubernetes documentation, and for nodeSelector entries
 * the nodes that carry the label. Placement hovers come from {@link PlacementHover}.
 */
public final class HoverService {
    /** Hover text for DaemonSet-level placement (kind, metadata.name, affinity, tolerations), when known. */
    public interface PlacementHover {
        /** Markdown or plain text for the cursor, or null when placement has nothing to say there. */
        String hover(String text, Position position, CursorContext context, boolean markdown);
    }

    public Hover hover(String text, Position position, NodeFacts nodes, PlacementHover placement, ClientFeatures client) {
        TextIndex index = new TextIndex(text);
        CursorContext context = CursorContext.at(index, position);
        String line = index.lineText(Math.min(position.line(), index.lineCount() - 1));
        String placementText = placement == null ? null : placement.hover(text, position, context, client.markdown());
        if (placementText != null) {
            return hover(placementText, client);
        }
        String key = context.onValue() ? context.key() : keyUnderCursor(line, position.character(), context);
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (SchemaNavigator.endsWith(context.path(), "nodeSelector")) {
            String value = valueOf(line);
            return hover(labelHover(key, value, nodes, client.markdown()), client);
        }
        FieldDef field = SchemaNavigator.fieldAt(KubernetesSchema.get(), context.path(), key);
        if (field == null) {
            return null;
        }
        return hover(FieldDocs.render(field, client.markdown()), client);
    }

    private static String keyUnderCursor(String line, int character, CursorContext context) {
        int colon = line.indexOf(':', context.column());
        if (colon >= 0 && character > colon + 1 && context.column() < colon) {
            return null;
        }
        return context.key().replaceAll("^[\"']|[\"']$", "");
    }

    private static String valueOf(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return null;
        }
        String value = line.substring(colon + 2).strip();
        int comment = value.indexOf(" #");
        value = comment >= 0 ? value.substring(0, comment).strip() : value;
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String labelHover(String key, String value, NodeFacts nodes, boolean markdown) {
        FieldDef nodeSelector = SchemaNavigator.fieldAt(KubernetesSchema.get(), List.of("spec", "template", "spec"),
                "nodeSelector");
        StringBuilder out = new StringBuilder();
        String label = key + "=" + (value == null ? "" : value);
        out.append(markdown ? "**nodeSelector** `" + label + "`" : "nodeSelector " + label).append("\n\n");
        if (nodes.nodeCount() == 0) {
            out.append("No node inventory is configured, so dsls cannot tell which nodes carry this label.");
        } else {
            Map<String, List<String>> values = nodes.labels().getOrDefault(key, Map.of());
            List<String> matching = value == null ? List.of() : values.getOrDefault(value, List.of());
            List<String> others = new ArrayList<>(nodes.nodeNames());
            others.removeAll(matching);
            out.append(String.format("Carried by %d of %d nodes", matching.size(), nodes.nodeCount()));
            out.append(matching.isEmpty() ? "." : ": " + String.join(", ", matching) + ".");
            if (!others.isEmpty()) {
                out.append("\n\nExcluded: ").append(String.join(", ", others.subList(0, Math.min(20, others.size()))))
                        .append(others.size() > 20 ? ", …" : "").append('.');
            }
            if (matching.isEmpty() && !values.isEmpty()) {
                out.append("\n\nValues of ").append(key).append(" in the inventory: ")
                        .append(String.join(", ", values.keySet())).append('.');
            }
        }
        if (nodeSelector != null && nodeSelector.note() != null) {
            out.append("\n\n").append(nodeSelector.note());
        }
        return out.toString();
    }

    private static Hover hover(String text, ClientFeatures client) {
        return new Hover(new MarkupContent(client.markdown() ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
    }

}
