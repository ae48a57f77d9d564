package dev.dsls.scheduling;

import dev.dsls.schema.ManifestObject;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Previews where a DaemonSet runs over an inventory: per node, the DaemonSet controller's decision and,
 * for the nodes it wants, the scheduler's NodePorts and NodeResourcesFit filters; then the status and
 * the rollout. Linear in nodes: the DaemonSet is compiled once ({@link CompiledDaemonSet}) and a node costs
 * a few label lookups, its taints and a handful of comparisons; messages are made only when asked for.
 */
public final class PlacementEvaluator {
    /** What the preview takes for granted, stated with every result. */
    public static final List<String> ASSUMPTIONS = List.of(
            "Status is what the DaemonSet controller would report over the inventory as given, before it creates or"
                    + " deletes any pod: only pods already in the inventory count as scheduled.",
            "A pod in the inventory is this DaemonSet's when it is in the same namespace, matches spec.selector and is"
                    + " controlled by a DaemonSet of this name (or has no controller and would be adopted).",
            "A pod is up to date when its pod-template-generation label equals the DaemonSet's"
                    + " deprecated.daemonset.template.generation annotation; the controller-revision-hash of a template"
                    + " cannot be computed outside the cluster, so without the annotation existing pods count as out of date.",
            "numberAvailable measures minReadySeconds against the current time.",
            "On a node that already runs this DaemonSet's pod, the new pod is checked as its replacement: the old"
                    + " pod's resources and host ports are freed first, as a maxSurge 0 rollout does.",
            "Succeeded and Failed pods hold no resources; Node conditions are not read, only the taints they cause.",
            "Not modelled: inter-pod affinity, topology spread, volumes, dynamic resource claims, scheduler"
                    + " extenders, and preemption (a daemon pod with a high priority class may evict pods to make room).",
            "The minimum rollout duration is waves x minReadySeconds; pod start-up and readiness time come on top.");

    /**
     * The scheduler's filters a daemon pod the controller wants can fail here, in the default profile's
     * order; the others (NodeName, NodeAffinity, TaintToleration) already passed as the controller's
     * predicates, and volume, inter-pod and topology filters are not modelled (see ASSUMPTIONS).
     */
    public static final List<FilterPlugin<NodeInfo>> SCHEDULER_FILTERS = List.of(NodePorts.PLUGIN,
            NodeResourcesFit.PLUGIN);

    private PlacementEvaluator() {
    }

    /** Previews a DaemonSet object of a manifest, measuring availability against the current time. */
    public static Placement evaluate(ManifestObject daemonSet, Inventory inventory) {
        return evaluate(CompiledDaemonSet.of(daemonSet), inventory, Instant.now());
    }

    public static Placement evaluate(CompiledDaemonSet daemonSet, Inventory inventory, Instant now) {
        Map<String, List<Pod>> daemonPods = inventory.pods().isEmpty() ? Map.of()
                : DaemonSetController.daemonPodsByNode(daemonSet, inventory.pods());
        List<NodeInfo> nodes = inventory.nodes();
        List<NodePlacement> placements = new ArrayList<>(nodes.size());
        for (NodeInfo node : nodes) {
            placements.add(evaluateNode(daemonSet, node, daemonPods.getOrDefault(node.name(), List.of())));
        }
        DaemonSetStatus status = DaemonSetController.status(daemonSet, placements, daemonPods, now);
        RolloutPreview rollout = RolloutPreview.of(daemonSet, status.desiredNumberScheduled());
        return new Placement(daemonSet, inventory, placements, status, rollout, ASSUMPTIONS);
    }

    private static NodePlacement evaluateNode(CompiledDaemonSet daemonSet, NodeInfo node, List<Pod> ownPods) {
        DaemonSetController.ShouldRun decision = DaemonSetController.nodeShouldRunDaemonPod(daemonSet, node.node());
        if (!decision.shouldRun()) {
            return new NodePlacement(daemonSet, node, decision, false, ownPods.size());
        }
        NodeInfo seen = node.without(ownPods);
        boolean fits = true;
        for (FilterPlugin<NodeInfo> filter : SCHEDULER_FILTERS) {
            if (!filter.passes(daemonSet, seen)) {
                fits = false;
                break;
            }
        }
        return new NodePlacement(daemonSet, seen, decision, fits, ownPods.size());
    }
}
