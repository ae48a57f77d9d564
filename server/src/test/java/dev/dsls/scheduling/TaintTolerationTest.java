package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static dev.dsls.scheduling.Fixtures.reasons;
import static dev.dsls.scheduling.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.Taint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Toleration matching, which taints count, and the automatic daemon tolerations (placement-semantics 3, 9–11). */
class TaintTolerationTest {
    private static boolean tolerates(String key, String operator, String value, String effect, Taint taint) {
        return new Toleration(key, operator, value, effect, null).toleratesTaint(taint);
    }

    @Test
    void tolerationMatchingFollowsToleratesTaint() {
        Taint gpu = new Taint("dedicated", "gpu", "NoSchedule");
        assertTrue(tolerates("dedicated", "Equal", "gpu", "NoSchedule", gpu));
        assertTrue(tolerates("dedicated", "", "gpu", "", gpu), "no operator is Equal; no effect matches every effect");
        assertFalse(tolerates("dedicated", "Equal", "", "NoSchedule", gpu), "an omitted value matches only an empty one");
        assertTrue(tolerates("dedicated", "Exists", "", "NoSchedule", gpu));
        assertFalse(tolerates("dedicated", "Exists", "", "NoExecute", gpu));
        assertTrue(tolerates("", "Exists", "", "", gpu), "an empty key with Exists tolerates everything");
        assertFalse(tolerates("other", "Exists", "", "", gpu));
        assertFalse(tolerates("dedicated", "Lt", "5", "NoSchedule", new Taint("dedicated", "3", "NoSchedule")),
                "Lt/Gt are behind an alpha gate that is off by default");
    }

    private static final Inventory NODES = inventory(
            node("plain", "", ""),
            node("prefer", "", "spot:PreferNoSchedule"),
            node("cordoned", "", "node.kubernetes.io/unschedulable:NoSchedule"),
            node("notready-exec", "", "node.kubernetes.io/not-ready:NoExecute"),
            node("notready-both", "", "node.kubernetes.io/not-ready:NoSchedule,node.kubernetes.io/not-ready:NoExecute"),
            node("pressure", "", "node.kubernetes.io/memory-pressure:NoSchedule"),
            node("pressure-exec", "", "node.kubernetes.io/memory-pressure:NoExecute"),
            node("no-network", "", "node.kubernetes.io/network-unavailable:NoSchedule"),
            node("evicting", "", "maintenance=now:NoExecute"));

    @Test
    void preferNoScheduleIsIgnoredAndTheAutomaticTolerationsApply() {
        assertEquals(List.of("plain", "prefer", "cordoned", "notready-exec", "pressure"),
                running(evaluate(daemonSet(""), NODES)));
    }

    @Test
    void networkUnavailableIsToleratedOnlyWithHostNetwork() {
        assertEquals(List.of("plain", "prefer", "cordoned", "notready-exec", "pressure", "no-network"),
                running(evaluate(daemonSet("hostNetwork: true\n"), NODES)));
    }

    @Test
    void aNotReadyNodeWithBothTaintsGetsNoNewPodButKeepsARunningOne() {
        Placement placement = evaluate(daemonSet(""), NODES);
        NodePlacement notReady = placement.node("notready-both");
        assertFalse(notReady.desired());
        assertTrue(notReady.shouldContinueRunning(), "only a NoSchedule taint is untolerated");
        assertEquals(List.of("taint: node has the taint node.kubernetes.io/not-ready:NoSchedule and the pod template does"
                + " not tolerate it (daemon pods tolerate only its NoExecute form, so a NotReady node gets no new daemon pod)"),
                reasons(placement, "notready-both"));
        NodePlacement evicting = placement.node("evicting");
        assertFalse(evicting.desired());
        assertFalse(evicting.shouldContinueRunning(), "an untolerated NoExecute taint deletes a running pod");
        assertFalse(placement.node("pressure-exec").desired(), "pressure keys are auto-tolerated only as NoSchedule");
    }

    @Test
    void tolerationSecondsDoesNotChangeMatchingAndAnExistsTolerationTakesEveryNode() {
        assertTrue(evaluate(daemonSet("tolerations:\n- {key: maintenance, operator: Exists, effect: NoExecute,"
                + " tolerationSeconds: 60}\n"), NODES).node("evicting").desired());
        assertEquals(NODES.size(), running(evaluate(daemonSet("tolerations: [{operator: Exists}]\n"), NODES)).size());
    }

    @Test
    void theAutomaticTolerationsAreExactlyTheDocumentedOnes() {
        assertEquals(List.of("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
                "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
                "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule"),
                TaintToleration.daemonSetTolerations(false).stream().map(t -> t.key() + ":" + t.effect()).toList());
        assertEquals(7, TaintToleration.daemonSetTolerations(true).size());
        assertTrue(TaintToleration.daemonSetTolerations(true).stream().allMatch(t -> t.operator().equals("Exists")));
    }
}
