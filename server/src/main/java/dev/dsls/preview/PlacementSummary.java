package dev.dsls.preview;

import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.ReasonCode;

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

    /**
     * "a (why), b (why)" for a few nodes, else what keeps them out with how many nodes each, largest
     * first: "4,980 by nodeSelector disktype=ssd, 3 by taint node-role.kubernetes.io/control-plane:NoSchedule".
     */
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
            groups.merge(group(node), 1, Integer::sum);
        }
        groups.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(LISTED)
                .forEach(group -> parts.add(String.format("%,d by %s", group.getValue(), group.getKey())));
        if (groups.size() > LISTED) {
            int rest = groups.values().stream().sorted((a, b) -> b - a).skip(LISTED).mapToInt(Integer::intValue).sum();
            parts.add(String.format("%,d for %d other reasons", rest, groups.size() - LISTED));
        }
        return String.join(", ", parts);
    }

    /**
     * What keeps a node out, the same for every node it keeps out: the first reason's short text without
     * the node's own figures ("cpu 500m", not "cpu 500m > 100m free").
     */
    static String group(NodePlacement node) {
        List<Reason> reasons = node.reasons();
        if (reasons.isEmpty()) {
            return "no reason";
        }
        Reason first = reasons.get(0);
        if (first.code() == ReasonCode.POD_COUNT) {
            return "pod count (status.allocatable.pods)";
        }
        int figures = first.shortText().indexOf(" > ");
        return figures < 0 ? first.shortText() : first.shortText().substring(0, figures);
    }

    private static String firstReason(NodePlacement node) {
        List<Reason> reasons = node.reasons();
        if (reasons.isEmpty()) {
            return "no reason";
        }
        return reasons.get(0).shortText() + (reasons.size() > 1 ? " +" + (reasons.size() - 1) + " more" : "");
    }
}
