package dev.dsls.language;

import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/** On an expression of a required node affinity term: the nodes it admits and those it keeps out. */
final class NodeAffinityExpressionHover implements HoverParticipant {
    private static final YamlPath REQUIRED_TERMS = YamlPath.parse(
            "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution");
    private static final int LISTED_NODES = 20;

    @Override
    public String hover(HoverContext context) {
        YamlPath path = context.path();
        if (path == null || context.daemonSet() == null || !path.startsWith(REQUIRED_TERMS)
                || context.inventory().isEmpty()) {
            return null;
        }
        YamlPath expression = path.enclosingItem("matchExpressions");
        if (expression == null) {
            expression = path.enclosingItem("matchFields");
        }
        if (expression == null) {
            return null;
        }
        Placement placement = context.placement();
        List<String> admitted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (NodePlacement node : placement.nodes()) {
            YamlPath item = expression;
            boolean blockedHere = node.reasons().stream().map(Reason::path)
                    .anyMatch(reason -> reason != null && reason.startsWith(item));
            (blockedHere ? excluded : admitted).add(node.name());
        }
        String head = context.markdown() ? "**Node affinity expression**\n\n" : "Node affinity expression\n\n";
        return head + String.format("Admits %d of %d nodes%s%s", admitted.size(), placement.nodes().size(),
                admitted.isEmpty() ? "." : ": " + limited(admitted) + ".",
                excluded.isEmpty() ? "" : "\n\nExcludes: " + limited(excluded) + ".");
    }

    private static String limited(List<String> names) {
        return names.size() <= LISTED_NODES ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED_NODES)) + ", …";
    }
}
