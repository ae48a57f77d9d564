package dev.dsls.scheduling;

import dev.dsls.schema.ManifestObject;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.NodeInfo;
import java.time.Instant;
import java.util.List;

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
            "DaemonSets previewed together bind their pods by priority, then in the order given; their own pods in the"
                    + " inventory are replaced by the pods the preview binds.",
            "Preemption evicts pods of strictly lower priority as DefaultPreemption does; PodDisruptionBudgets are"
                    + " not read, and a pod's creation time stands in for its start time.",
            "Not modelled: inter-pod affinity, topology spread, volumes, dynamic resource claims and scheduler"
                    + " extenders.",
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

    /** Previews one DaemonSet on its own: a fleet of one, with the inventory's PriorityClasses. */
    public static Placement evaluate(CompiledDaemonSet daemonSet, Inventory inventory, Instant now) {
        return FleetEvaluator.evaluate(List.of(daemonSet), inventory,
                PriorityClasses.of(inventory.priorityClasses()), now).placements().get(0);
    }

    /** True when the scheduler's filters all pass for the daemon pod on the node as it is. */
    static boolean fits(CompiledDaemonSet daemonSet, NodeInfo node) {
        for (FilterPlugin<NodeInfo> filter : SCHEDULER_FILTERS) {
            if (!filter.passes(daemonSet, node)) {
                return false;
            }
        }
        return true;
    }
}
