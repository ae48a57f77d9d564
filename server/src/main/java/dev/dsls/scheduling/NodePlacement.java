package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.inventory.NodeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict for one node: whether the DaemonSet controller wants a pod there (desired), whether the
 * pod it creates would be bound (fits), and so whether it runs. Reasons and the near miss are worked
 * out on first request only, so evaluating thousands of nodes costs no message formatting.
 */
public final class NodePlacement {
    /** What a person sees on the node: the pod running, none, or one stuck Pending. */
    public enum Runs {
        YES("yes"), NO("no"), PENDING("pending");

        private final String text;

        Runs(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final CompiledDaemonSet daemonSet;
    private final NodeInfo node;
    private final boolean desired;
    private final boolean shouldContinueRunning;
    private final boolean fits;
    private final int daemonPods;
    private volatile List<Reason> reasons;
    private volatile NearMiss nearMiss;
    private volatile boolean nearMissKnown;

    /**
     * @param node       the node as the new pod meets it (this DaemonSet's own pods there already taken out)
     * @param daemonPods how many of this DaemonSet's pods the inventory shows on the node
     */
    NodePlacement(CompiledDaemonSet daemonSet, NodeInfo node, DaemonSetController.ShouldRun decision, boolean fits,
                  int daemonPods) {
        this.daemonSet = daemonSet;
        this.node = node;
        this.desired = decision.shouldRun();
        this.shouldContinueRunning = decision.shouldContinueRunning();
        this.fits = desired && fits;
        this.daemonPods = daemonPods;
    }

    public String name() {
        return node.name();
    }

    public NodeInfo node() {
        return node;
    }

    /** NodeShouldRunDaemonPod's shouldRun: counted in desiredNumberScheduled. */
    public boolean desired() {
        return desired;
    }

    /** NodeShouldRunDaemonPod's shouldContinueRunning: a pod already there is kept. */
    public boolean shouldContinueRunning() {
        return shouldContinueRunning;
    }

    /** Desired and the scheduler's filters pass; false for nodes that are not desired. */
    public boolean fits() {
        return fits;
    }

    public Runs runs() {
        return !desired ? Runs.NO : fits ? Runs.YES : Runs.PENDING;
    }

    /** How many of the DaemonSet's pods the inventory shows on this node. */
    public int daemonPods() {
        return daemonPods;
    }

    /**
     * Every reason the node does not run the pod, in upstream precedence (the first is the one Kubernetes
     * acts on; the others would have to change too). Empty when it runs.
     */
    public List<Reason> reasons() {
        List<Reason> known = reasons;
        if (known == null) {
            known = List.copyOf(computeReasons());
            reasons = known;
        }
        return known;
    }

    private List<Reason> computeReasons() {
        if (desired && fits) {
            return List.of();
        }
        List<Reason> found = new ArrayList<>();
        if (!desired) {
            for (FilterPlugin<Node> predicate : DaemonSetController.PREDICATES) {
                found.addAll(predicate.reasons(daemonSet, node.node()));
                // Upstream checks nodeName before the other predicates: a template bound to another node
                // wants nothing else of this one.
                if (predicate == NodeName.PLUGIN && !found.isEmpty()) {
                    break;
                }
            }
            return shouldContinueRunning && daemonPods > 0 ? found.stream().map(NodePlacement::keptAnyway).toList() : found;
        }
        for (FilterPlugin<NodeInfo> filter : PlacementEvaluator.SCHEDULER_FILTERS) {
            found.addAll(filter.reasons(daemonSet, node));
        }
        return found;
    }

    /** A NoSchedule taint keeps new daemon pods off but evicts none: say that the running one stays. */
    private static Reason keptAnyway(Reason reason) {
        return reason.code() != ReasonCode.TAINT ? reason : new Reason(reason.code(), reason.message()
                + "; the daemon pod already running here stays (NoSchedule evicts nothing) and counts as misscheduled",
                reason.shortText() + " (pod kept)", reason.path());
    }

    /** The single change that would bring this excluded node in, or null. */
    public NearMiss nearMiss() {
        if (!nearMissKnown) {
            nearMiss = desired ? null : NearMiss.find(daemonSet, node.node());
            nearMissKnown = true;
        }
        return nearMiss;
    }
}
