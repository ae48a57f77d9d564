package dev.dsls.scheduling;

import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scheduler's DefaultPreemption plugin on one node (SelectVictimsOnNode): remove every pod of
 * strictly lower priority; if the pod then fits, put them back one by one from the most important
 * down (MoreImportantPod: higher priority, then the older) and keep each that still lets it fit. The
 * rest are the victims. PodDisruptionBudgets, which only change the order of reprieves, are not read.
 */
final class DefaultPreemption {
    private DefaultPreemption() {
    }

    /** The pods to evict so the daemon pod fits on the node, or null when preemption cannot make it fit. */
    static List<Pod> selectVictimsOnNode(CompiledDaemonSet daemonSet, int priority, NodeInfo node,
                                         PriorityClasses classes) {
        List<Pod> potentialVictims = new ArrayList<>();
        for (Pod pod : node.pods()) {
            if (classes.priorityOf(pod.spec()) < priority) {
                potentialVictims.add(pod);
            }
        }
        // Upstream: "No preemption victims found for incoming pod" (UnschedulableAndUnresolvable).
        if (potentialVictims.isEmpty()) {
            return null;
        }
        NodeInfo cleared = node.without(potentialVictims);
        if (!PlacementEvaluator.fits(daemonSet, cleared)) {
            return null;
        }
        potentialVictims.sort(moreImportantFirst(classes));
        List<Pod> victims = new ArrayList<>();
        List<Pod> reprieved = new ArrayList<>();
        for (Pod candidate : potentialVictims) {
            reprieved.add(candidate);
            List<Pod> leaving = new ArrayList<>(potentialVictims);
            leaving.removeAll(reprieved);
            if (!PlacementEvaluator.fits(daemonSet, node.without(leaving))) {
                reprieved.remove(reprieved.size() - 1);
                victims.add(candidate);
            }
        }
        return victims;
    }

    /** util.MoreImportantPod: higher priority first, then the one started earlier (creation time stands in). */
    private static Comparator<Pod> moreImportantFirst(PriorityClasses classes) {
        return Comparator.comparingInt((Pod pod) -> -classes.priorityOf(pod.spec()))
                .thenComparing(pod -> pod.created() == null ? Instant.MAX : pod.created());
    }
}
