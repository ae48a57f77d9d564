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
        List<NodePlacement> heldByOthers = placement.pending().stream().filter(node -> !node.heldBy().isEmpty()).toList();
        List<NodePlacement> pending = placement.pending().stream().filter(node -> node.heldBy().isEmpty()).toList();
        int nodes = placement.realNodes().size();
        StringBuilder out = new StringBuilder(String.format("runs on %d of %d node%s", placement.running().size(),
                nodes, nodes == 1 ? "" : "s"));
        List<NodePlacement> preempting = placement.preempting();
        if (!preempting.isEmpty()) {
            out.append(String.format(" (%d by preempting %s)", preempting.size(), listed(preempting.stream()
                    .flatMap(node -> node.victims().stream()).distinct().toList())));
        }
        if (!heldByOthers.isEmpty()) {
            out.append(String.format(" · %d pending: room taken by %s", heldByOthers.size(), listed(heldByOthers.stream()
                    .flatMap(node -> node.heldBy().stream()).distinct().toList())));
        }
        if (!pending.isEmpty()) {
            out.append(" · pending: ").append(describe(pending));
        }
        if (!excluded.isEmpty()) {
            out.append(" · excluded: ").append(describe(excluded));
        }
        List<NodePlacement> templates = placement.templates();
        if (!templates.isEmpty()) {
            List<String> verdicts = new ArrayList<>();
            for (NodePlacement template : templates.subList(0, Math.min(LISTED, templates.size()))) {
                verdicts.add(template.name() + " " + (template.runs() == NodePlacement.Runs.YES ? "runs"
                        : template.runs().text() + " (" + firstReason(template) + ")"));
            }
            out.append(" · new nodes: ").append(String.join(", ", verdicts))
                    .append(templates.size() > LISTED ? String.format(" and %d more", templates.size() - LISTED) : "");
        }
        return out.toString();
    }

    /** "a, b, c" or "a, b, c and 4 more". */
    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
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
        String what = figures < 0 ? first.shortText() : first.shortText().substring(0, figures);
        return node.heldBy().isEmpty() || what.contains("(held by") ? what
                : what + " (held by " + String.join(", ", node.heldBy()) + ")";
    }

    private static String firstReason(NodePlacement node) {
        List<Reason> reasons = node.reasons();
        if (reasons.isEmpty()) {
            return "no reason";
        }
        return reasons.get(0).shortText() + (reasons.size() > 1 ? " +" + (reasons.size() - 1) + " more" : "");
    }
}
