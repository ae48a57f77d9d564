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
    private final List<String> heldBy;
    private final List<String> victims;
    private volatile List<Reason> reasons;
    private volatile NearMiss nearMiss;
    private volatile boolean nearMissKnown;

    /**
     * @param node       the node as the new pod meets it (this DaemonSet's own pods there already taken out)
     * @param daemonPods how many of this DaemonSet's pods the inventory shows on the node
     */
    NodePlacement(CompiledDaemonSet daemonSet, NodeInfo node, DaemonSetController.ShouldRun decision, boolean fits,
                  int daemonPods) {
        this(daemonSet, node, decision, fits, daemonPods, List.of(), List.of());
    }

    private NodePlacement(CompiledDaemonSet daemonSet, NodeInfo node, DaemonSetController.ShouldRun decision,
                          boolean fits, int daemonPods, List<String> heldBy, List<String> victims) {
        this.daemonSet = daemonSet;
        this.node = node;
        this.desired = decision.shouldRun();
        this.shouldContinueRunning = decision.shouldContinueRunning();
        this.fits = desired && fits;
        this.daemonPods = daemonPods;
        this.heldBy = List.copyOf(heldBy);
        this.victims = List.copyOf(victims);
    }

    /** A desired node where the pod fits only once these pods of lower priority are evicted. */
    static NodePlacement preempting(CompiledDaemonSet daemonSet, NodeInfo node, DaemonSetController.ShouldRun decision,
                                    int daemonPods, List<String> victims) {
        return new NodePlacement(daemonSet, node, decision, true, daemonPods, List.of(), victims);
    }

    /** A desired node where the pod stays Pending; heldBy names the DaemonSets bound first that took the room. */
    static NodePlacement pending(CompiledDaemonSet daemonSet, NodeInfo node, DaemonSetController.ShouldRun decision,
                                 int daemonPods, List<String> heldBy) {
        return new NodePlacement(daemonSet, node, decision, false, daemonPods, heldBy, List.of());
    }

    public String name() {
        return node.name();
    }

    public NodeInfo node() {
        return node;
    }

    /** A node template ("a new node like this"), previewed but never counted. */
    public boolean template() {
        return node.node().template();
    }

    /**
     * The other DaemonSets ("namespace/name") whose pods, bound first, leave no room for this one: the pod
     * would fit the node without them. Empty when it runs or would not fit anyway.
     */
    public List<String> heldBy() {
        return heldBy;
    }

    /** The pods ("namespace/name") the scheduler evicts so the pod fits; empty when none need to go. */
    public List<String> victims() {
        return victims;
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
        return heldBy.isEmpty() ? found : found.stream().map(this::heldByOthers).toList();
    }

    /** A fit failure caused by the other DaemonSets: say who holds the room, which the pod would have alone. */
    private Reason heldByOthers(Reason reason) {
        String holders = String.join(", ", heldBy);
        return new Reason(reason.code(), reason.message() + "; it would fit alone, but the room is held by the daemon"
                + " pods of " + holders + ", bound first (higher priority, or earlier in the order given)",
                reason.shortText() + " (held by " + holders + ")", reason.path());
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
