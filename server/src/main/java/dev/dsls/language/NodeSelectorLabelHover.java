package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.KubernetesSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** On a nodeSelector entry: the nodes that carry the label and those it keeps the DaemonSet off. */
final class NodeSelectorLabelHover implements HoverParticipant {
    private static final int LISTED_NODES = 20;

    @Override
    public String hover(HoverContext context) {
        String key = HoverService.keyAtCursor(context);
        if (key == null || key.isEmpty() || !SchemaNavigator.endsWith(context.cursor().path(), "nodeSelector")) {
            return null;
        }
        return labelHover(key, valueOf(context.line()), context.nodes(), context.markdown());
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
        FieldDef nodeSelector = KubernetesSchema.get().type("PodSpec").field("nodeSelector");
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
                out.append("\n\nExcluded: ").append(String.join(", ", others.subList(0, Math.min(LISTED_NODES, others.size()))))
                        .append(others.size() > LISTED_NODES ? ", …" : "").append('.');
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
}
