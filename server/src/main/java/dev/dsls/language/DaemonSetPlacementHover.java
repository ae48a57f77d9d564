package dev.dsls.language;

import dev.dsls.preview.PlacementSummary;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.yaml.YamlPath;

/** On {@code kind: DaemonSet} or {@code metadata.name}: the placement per node and the status. */
final class DaemonSetPlacementHover implements HoverParticipant {
    static final String NO_INVENTORY = "placement: no node inventory · add .dsls/inventory.yaml or set dsls.inventory";
    private static final YamlPath KIND = YamlPath.parse("kind");
    private static final YamlPath NAME = YamlPath.parse("metadata.name");
    private static final int LISTED_NODES = 30;

    @Override
    public String hover(HoverContext context) {
        YamlPath path = context.path();
        if (context.daemonSet() == null || !KIND.equals(path) && !NAME.equals(path)) {
            return null;
        }
        return context.inventory().isEmpty() ? NO_INVENTORY : summary(context.placement(), context.markdown());
    }

    private static String summary(Placement placement, boolean markdown) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "**Placement** · " : "Placement · ").append(PlacementSummary.of(placement)).append("\n\n");
        for (NodePlacement node : placement.nodes().subList(0, Math.min(placement.nodes().size(), LISTED_NODES))) {
            out.append(markdown ? "- `" + node.name() + "` " : "- " + node.name() + " ").append(node.runs().text());
            if (!node.reasons().isEmpty()) {
                out.append(": ").append(node.reasons().get(0).message());
            }
            if (node.nearMiss() != null) {
                out.append(markdown ? " _(near miss: " : " (near miss: ").append(node.nearMiss().message())
                        .append(markdown ? ")_" : ")");
            }
            out.append('\n');
        }
        if (placement.nodes().size() > LISTED_NODES) {
            out.append("- … ").append(placement.nodes().size() - LISTED_NODES).append(" more nodes\n");
        }
        var status = placement.status();
        out.append(String.format("%nDESIRED %d · CURRENT %d · READY %d · UP-TO-DATE %d · AVAILABLE %d",
                status.desiredNumberScheduled(), status.currentNumberScheduled(), status.numberReady(),
                status.updatedNumberScheduled(), status.numberAvailable()));
        return out.toString();
    }
}
