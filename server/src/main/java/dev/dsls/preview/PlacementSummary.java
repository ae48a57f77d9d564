package dev.dsls.preview;

import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line summary of a placement ("runs on 2 of 3 nodes · excluded: kind-control-plane (taint
 * …)"), shown as a diagnostic, in JSON and where an editor has no code lens. Long lists are grouped by
 * reason so the line stays readable for thousands of nodes.
 */
public final class PlacementSummary {
    private static final int LISTED = 3;

    private PlacementSummary() {
    }

    public static String of(Placement placement) {
        List<NodePlacement> excluded = placement.excluded();
        List<NodePlacement> pending = placement.pending();
        StringBuilder out = new StringBuilder(String.format("runs on %d of %d node%s", placement.running().size(),
                placement.nodes().size(), placement.nodes().size() == 1 ? "" : "s"));
        if (!pending.isEmpty()) {
            out.append(" · pending: ").append(describe(pending));
        }
        if (!excluded.isEmpty()) {
            out.append(" · excluded: ").append(describe(excluded));
        }
        return out.toString();
    }

    /** "a (why), b (why)" for a few nodes, else "N nodes (why), M nodes (why)" grouped by first reason. */
    public static String describe(List<NodePlacement> nodes) {
        List<String> parts = new ArrayList<>();
        if (nodes.size() <= LISTED) {
            for (NodePlacement node : nodes) {
                parts.add(node.name() + " (" + firstReason(node) + ")");
            }
            return String.join(", ", parts);
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (NodePlacement node : nodes) {
            groups.merge(firstReason(node), 1, Integer::sum);
        }
        groups.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(LISTED)
                .forEach(group -> parts.add(group.getValue() + " node" + (group.getValue() == 1 ? "" : "s")
                        + " (" + group.getKey() + ")"));
        if (groups.size() > LISTED) {
            parts.add("…");
        }
        return String.join(", ", parts);
    }

    private static String firstReason(NodePlacement node) {
        List<Reason> reasons = node.reasons();
        if (reasons.isEmpty()) {
            return "no reason";
        }
        return reasons.get(0).shortText() + (reasons.size() > 1 ? " +" + (reasons.size() - 1) + " more" : "");
    }
}
