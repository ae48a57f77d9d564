package dev.dsls.scheduling;

import dev.dsls.inventory.Inventory;
import java.util.List;

/**
 * The placement preview of one DaemonSet over an inventory: the verdict per node (in inventory order),
 * the status the controller would report, the rollout, and the assumptions behind them.
 */
public record Placement(CompiledDaemonSet daemonSet, Inventory inventory, List<NodePlacement> nodes,
                        DaemonSetStatus status, RolloutPreview rollout, List<String> assumptions) {
    public Placement {
        nodes = List.copyOf(nodes);
        assumptions = List.copyOf(assumptions);
    }

    /** Nodes where the pod runs (desired and fits). */
    public List<NodePlacement> running() {
        return nodes.stream().filter(node -> node.runs() == NodePlacement.Runs.YES).toList();
    }

    /** Desired nodes whose pod stays Pending. */
    public List<NodePlacement> pending() {
        return nodes.stream().filter(node -> node.runs() == NodePlacement.Runs.PENDING).toList();
    }

    /** Nodes the controller does not want. */
    public List<NodePlacement> excluded() {
        return nodes.stream().filter(node -> !node.desired()).toList();
    }

    /** The node's verdict, or null for a node not in the inventory. */
    public NodePlacement node(String name) {
        for (NodePlacement node : nodes) {
            if (node.name().equals(name)) {
                return node;
            }
        }
        return null;
    }
}
