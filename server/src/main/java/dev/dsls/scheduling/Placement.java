package dev.dsls.scheduling;

import dev.dsls.inventory.Inventory;
import java.util.List;

/**
 * The placement preview of one DaemonSet over an inventory: the verdict per node (in inventory order),
 * the status the controller would report, the rollout, the priority its pods get, and the assumptions
 * behind them. Node templates are among the nodes but in none of the counts below but {@link #templates()}.
 */
public record Placement(CompiledDaemonSet daemonSet, Inventory inventory, List<NodePlacement> nodes,
                        DaemonSetStatus status, RolloutPreview rollout, PriorityClasses.Priority priority,
                        List<String> assumptions) {
    public Placement {
        nodes = List.copyOf(nodes);
        assumptions = List.copyOf(assumptions);
    }

    /** Nodes where the pod runs (desired and fits). */
    public List<NodePlacement> running() {
        return nodes.stream().filter(node -> !node.template() && node.runs() == NodePlacement.Runs.YES).toList();
    }

    /** Desired nodes whose pod stays Pending. */
    public List<NodePlacement> pending() {
        return nodes.stream().filter(node -> !node.template() && node.runs() == NodePlacement.Runs.PENDING).toList();
    }

    /** Nodes the controller does not want. */
    public List<NodePlacement> excluded() {
        return nodes.stream().filter(node -> !node.template() && !node.desired()).toList();
    }

    /** The real nodes: every node but the templates. */
    public List<NodePlacement> realNodes() {
        return nodes.stream().filter(node -> !node.template()).toList();
    }

    /** The node templates ("a new node like this"), each with its verdict. */
    public List<NodePlacement> templates() {
        return nodes.stream().filter(NodePlacement::template).toList();
    }

    /** Nodes where the pod runs only by evicting pods of lower priority. */
    public List<NodePlacement> preempting() {
        return nodes.stream().filter(node -> !node.template() && !node.victims().isEmpty()).toList();
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
