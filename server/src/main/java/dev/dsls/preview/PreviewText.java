package dev.dsls.preview;

import dev.dsls.scheduling.DaemonSetStatus;
import dev.dsls.scheduling.NearMiss;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.RolloutPreview;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement preview as text, the way {@code dsls preview} prints it and {@code dsls/placement}
 * returns it for editors that show it as is: the status as kubectl shows it, one row per node, near
 * misses and the rollout.
 */
public final class PreviewText {
    /** One previewed DaemonSet with the file it came from. */
    public record Previewed(String path, Placement placement) {
    }

    /** Up to this many nodes are listed one per line; more are grouped by what decides them. */
    public static final int NODES_SHOWN = 20;
    private static final int EXAMPLES = 3;

    private PreviewText() {
    }

    public static String of(List<Previewed> previews) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        print(out, previews, NODES_SHOWN);
        out.flush();
        return text.toString();
    }

    /** The previews; an inventory of more than {@code nodesShown} nodes is shown grouped, with counts. */
    public static void print(PrintWriter out, List<Previewed> previews, int nodesShown) {
        if (previews.isEmpty()) {
            out.println("No DaemonSet found.");
        }
        boolean first = true;
        for (Previewed preview : previews) {
            if (!first) {
                out.println();
            }
            first = false;
            print(out, preview, nodesShown);
        }
    }

    private static void print(PrintWriter out, Previewed preview, int nodesShown) {
        Placement placement = preview.placement();
        if (placement.inventory().isEmpty()) {
            out.printf("%s: DaemonSet %s/%s: no node inventory to preview it against (--nodes FILE, or"
                    + " .dsls/inventory.yaml in the workspace)%n", preview.path(), placement.daemonSet().namespace(),
                    placement.daemonSet().name());
            return;
        }
        out.printf("%s: DaemonSet %s/%s over %d node%s%n", preview.path(), placement.daemonSet().namespace(),
                placement.daemonSet().name(), placement.nodes().size(), placement.nodes().size() == 1 ? "" : "s");
        DaemonSetStatus status = placement.status();
        TextTable summary = new TextTable("NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE",
                "NODE SELECTOR");
        summary.row(placement.daemonSet().name(), status.desiredNumberScheduled(), status.currentNumberScheduled(),
                status.numberReady(), status.updatedNumberScheduled(), status.numberAvailable(),
                placement.daemonSet().affinity().nodeSelectorText());
        summary.print(out);
        out.println();
        if (placement.nodes().size() > nodesShown) {
            printGroups(out, placement, nodesShown);
        } else {
            printNodes(out, placement);
        }
        out.println("rollout: " + describe(placement.rollout()));
    }

    private static void printNodes(PrintWriter out, Placement placement) {
        TextTable nodes = new TextTable("NODE", "RUNS", "REASON");
        List<String> nearMisses = new ArrayList<>();
        for (NodePlacement node : placement.nodes()) {
            List<Reason> reasons = node.reasons();
            String reason = !node.victims().isEmpty() ? "preempts " + String.join(", ", node.victims())
                    : reasons.isEmpty() ? "" : reasons.get(0).code().code() + ": " + reasons.get(0).message()
                    + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
            nodes.row(node.template() ? node.name() + " (template)" : node.name(), node.runs().text(), reason);
            NearMiss nearMiss = node.nearMiss();
            if (nearMiss != null) {
                nearMisses.add(node.name() + ": " + nearMiss.message());
            }
        }
        nodes.print(out);
        for (String nearMiss : nearMisses) {
            out.println("near miss: " + nearMiss);
        }
    }

    /** One row per outcome and what decides it, with the node count and a few of the nodes. */
    private static void printGroups(PrintWriter out, Placement placement, int nodesShown) {
        Map<String, List<NodePlacement>> groups = new LinkedHashMap<>();
        Map<String, List<NodePlacement>> nearMisses = new LinkedHashMap<>();
        for (NodePlacement node : placement.nodes()) {
            String why = !node.victims().isEmpty() ? "preempts lower-priority pods"
                    : node.reasons().isEmpty() ? "" : reasonGroup(node);
            why = node.template() ? (why.isEmpty() ? "node template" : why + " · node template") : why;
            groups.computeIfAbsent(node.runs().text() + "\u0000" + why, key -> new ArrayList<>()).add(node);
            NearMiss nearMiss = node.nearMiss();
            if (nearMiss != null) {
                nearMisses.computeIfAbsent(change(nearMiss), key -> new ArrayList<>()).add(node);
            }
        }
        TextTable table = new TextTable("RUNS", "NODES", "REASON", "FOR EXAMPLE");
        groups.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(group -> {
            String[] key = group.getKey().split("\u0000", -1);
            table.row(key[0], String.format("%,d", group.getValue().size()), key[1], examples(group.getValue()));
        });
        table.print(out);
        nearMisses.forEach((change, nodes) -> out.printf("near miss on %,d node%s (%s): %s%n", nodes.size(),
                nodes.size() == 1 ? "" : "s", examples(nodes), change));
        out.printf("(%,d nodes, grouped; --nodes-shown %d lists each)%n", placement.nodes().size(), placement.nodes().size());
    }

    /** What decides a node, led by its reason code unless the words already say it ("resources: cpu 500m"). */
    private static String reasonGroup(NodePlacement node) {
        String code = node.reasons().get(0).code().code();
        String group = PlacementSummary.group(node);
        return group.startsWith(code) ? group : code + ": " + group;
    }

    private static String examples(List<NodePlacement> nodes) {
        String listed = String.join(", ", nodes.stream().limit(EXAMPLES).map(NodePlacement::name).toList());
        return nodes.size() > EXAMPLES ? String.format("%s, +%,d more", listed, nodes.size() - EXAMPLES) : listed;
    }

    /** A near miss as the change it asks for, without the node it was found on, so equal ones group. */
    private static String change(NearMiss nearMiss) {
        return switch (nearMiss.kind()) {
            case ADD_TOLERATION -> "add the toleration " + nearMiss.toleration() + " to spec.template.spec.tolerations";
            case SET_LABEL -> String.format("label the node with %s=%s (kubectl label node NODE %s=%s)",
                    nearMiss.labelKey(), nearMiss.labelValue(), nearMiss.labelKey(), nearMiss.labelValue());
            case REMOVE_LABEL -> String.format("remove the label %s (kubectl label node NODE %s-)", nearMiss.labelKey(),
                    nearMiss.labelKey());
        };
    }

    static String describe(RolloutPreview rollout) {
        if (rollout.error() != null) {
            return rollout.strategy() + ": " + rollout.error();
        }
        if (rollout.waves() == null) {
            return rollout.note();
        }
        if (rollout.waves() == 0) {
            return rollout.strategy() + ": " + rollout.note();
        }
        return String.format("%s, maxUnavailable %d, maxSurge %d: %d wave%s, at least %ds (minReadySeconds %d); %s",
                rollout.strategy(), rollout.maxUnavailable(), rollout.maxSurge(), rollout.waves(),
                rollout.waves() == 1 ? "" : "s", rollout.minimumDurationSeconds(), rollout.minReadySeconds(), rollout.note());
    }
}
