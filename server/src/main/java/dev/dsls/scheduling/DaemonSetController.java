package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.inventory.OwnerReference;
import dev.dsls.inventory.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DaemonSet controller's decisions (pkg/controller/daemon): which nodes should run a daemon pod
 * (NodeShouldRunDaemonPod), which pods are the DaemonSet's (ClaimPods through selector and
 * ControllerRef), and the status arithmetic of updateDaemonSetStatus.
 */
public final class DaemonSetController {
    /** The two answers of NodeShouldRunDaemonPod. */
    public record ShouldRun(boolean shouldRun, boolean shouldContinueRunning) {
        static final ShouldRun NO = new ShouldRun(false, false);
        static final ShouldRun YES = new ShouldRun(true, true);
        static final ShouldRun KEEP_RUNNING = new ShouldRun(false, true);
    }

    /** Bound pods first, then older first, then by name (podByCreationTimestampAndPhase). */
    static final Comparator<Pod> OLDEST_FIRST = Comparator
            .comparing((Pod pod) -> pod.spec().nodeName().isEmpty())
            .thenComparing(pod -> pod.created() == null ? Instant.EPOCH : pod.created())
            .thenComparing(Pod::name);

    private DaemonSetController() {
    }

    /**
     * NodeShouldRunDaemonPod's predicates in upstream's order: nodeName, then node affinity (nodeSelector and
     * required affinity), then NoSchedule/NoExecute taints against the template's and the automatic tolerations.
     */
    public static final List<FilterPlugin<Node>> PREDICATES = List.of(NodeName.PLUGIN, NodeAffinity.PLUGIN,
            TaintToleration.PLUGIN);

    /**
     * NodeShouldRunDaemonPod: the first failing predicate decides. A node whose only untolerated taints are
     * NoSchedule keeps a pod that already runs there (NoSchedule does not evict).
     */
    public static ShouldRun nodeShouldRunDaemonPod(CompiledDaemonSet daemonSet, Node node) {
        for (FilterPlugin<Node> predicate : PREDICATES) {
            if (!predicate.passes(daemonSet, node)) {
                return predicate == TaintToleration.PLUGIN
                        && !TaintToleration.hasUntoleratedNoExecute(node, daemonSet.tolerations())
                        ? ShouldRun.KEEP_RUNNING : ShouldRun.NO;
            }
        }
        return ShouldRun.YES;
    }

    /**
     * The DaemonSet's pods grouped by target node (GetTargetNodeName): in its namespace, matching its
     * selector, and controlled by a DaemonSet of its name, or without a controller and so adopted
     * (ClaimPods does not adopt a terminating orphan).
     */
    public static Map<String, List<Pod>> daemonPodsByNode(CompiledDaemonSet daemonSet, List<Pod> pods) {
        Map<String, List<Pod>> byNode = new HashMap<>();
        for (Pod pod : pods) {
            if (!pod.namespace().equals(daemonSet.namespace()) || !daemonSet.selects(pod.labels())) {
                continue;
            }
            OwnerReference controller = pod.controller();
            boolean ours = controller == null ? !pod.terminating()
                    : "DaemonSet".equals(controller.kind()) && daemonSet.name().equals(controller.name());
            String node = pod.spec().targetNodeName();
            if (ours && !node.isEmpty()) {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod);
            }
        }
        return byNode;
    }

    /**
     * updateDaemonSetStatus over the given decisions and daemon pods; node templates are no nodes yet and
     * count nowhere. The oldest pod of a node decides its readiness, availability (Ready for
     * minReadySeconds before {@code now}) and whether it is up to date (its pod-template-generation matches the DaemonSet's template generation; dsls cannot compute
     * the controller-revision-hash of a template).
     */
    public static DaemonSetStatus status(CompiledDaemonSet daemonSet, List<NodePlacement> nodes,
                                         Map<String, List<Pod>> daemonPods, Instant now) {
        int desired = 0;
        int current = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
        int misscheduled = 0;
        for (NodePlacement placement : nodes) {
            if (placement.template()) {
                continue;
            }
            List<Pod> pods = daemonPods.getOrDefault(placement.name(), List.of());
            boolean scheduled = !pods.isEmpty();
            if (!placement.desired()) {
                if (scheduled) {
                    misscheduled++;
                }
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            Pod oldest = pods.stream().min(OLDEST_FIRST).orElseThrow();
            if (oldest.ready()) {
                ready++;
                if (isAvailable(oldest, daemonSet.minReadySeconds(), now)) {
                    available++;
                }
            }
            if (isUpdated(oldest, daemonSet)) {
                updated++;
            }
        }
        return new DaemonSetStatus(desired, current, ready, available, updated, misscheduled, desired - available);
    }

    /** IsPodAvailable: Ready, and for minReadySeconds > 0 Ready since strictly longer than that. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!pod.ready()) {
            return false;
        }
        return minReadySeconds == 0
                || pod.readySince() != null && pod.readySince().plusSeconds(minReadySeconds).isBefore(now);
    }

    /** IsPodUpdated, on the generation label only (the revision hash of a template cannot be computed here). */
    static boolean isUpdated(Pod pod, CompiledDaemonSet daemonSet) {
        String generation = daemonSet.templateGeneration();
        return generation != null && generation.equals(pod.labels().get(Pod.TEMPLATE_GENERATION));
    }
}
