package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.inventory.Inventory;
import org.junit.jupiter.api.Test;

/** Status arithmetic (placement-semantics 24) and rolling update math (26–30). */
class StatusAndRolloutTest {
    private static String daemonPod(String name, String node, String extraMetadata, boolean ready, String readySince) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  creationTimestamp: \"2026-01-01T00:00:0"
                + name.charAt(name.length() - 1) + "Z\"\n  labels: {app: demo" + extraMetadata + "}\n"
                + "  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: demo, uid: u, controller: true}]\n"
                + "spec:\n  nodeName: " + node + "\n  containers: [{name: demo}]\n"
                + "status:\n  phase: Running\n  conditions: [{type: Ready, status: \"" + (ready ? "True" : "False")
                + "\", lastTransitionTime: \"" + readySince + "\"}]\n";
    }

    @Test
    void aFreshPreviewHasOnlyDesiredAndUnavailable() {
        Placement placement = evaluate(daemonSet(""), inventory(node("a", "", ""), node("b", "", ""),
                node("cp", "", "node-role.kubernetes.io/control-plane:NoSchedule")));
        assertEquals(new DaemonSetStatus(2, 0, 0, 0, 0, 0, 2), placement.status());
    }

    @Test
    void podsInTheInventoryCountPerNodeByTheirOldestPod() {
        Inventory nodes = inventory(
                node("a", "", ""), node("b", "", ""), node("c", "", ""), node("tainted", "", "x:NoSchedule"),
                // a: ready for an hour, from the current template generation
                daemonPod("pa1", "a", ", pod-template-generation: \"3\"", true, "2026-01-01T11:00:00Z"),
                // b: ready only 10 s ago; a younger duplicate does not count
                daemonPod("pb1", "b", "", true, "2026-01-01T11:59:50Z"),
                daemonPod("pb2", "b", ", pod-template-generation: \"3\"", true, "2026-01-01T10:00:00Z"),
                // c: not ready
                daemonPod("pc1", "c", "", false, "2026-01-01T10:00:00Z"),
                // a node no longer desired still has a pod: misscheduled
                daemonPod("pt1", "tainted", "", true, "2026-01-01T10:00:00Z"),
                // an orphan matching the selector is adopted; a pod of another controller is not ours
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\n  labels: {app: demo}\n"
                        + "  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: x, uid: v, controller: true}]\n"
                        + "spec:\n  nodeName: c\n  containers: [{name: x}]\nstatus: {phase: Running}\n");
        String manifest = daemonSet("minReadySeconds: 30\n", "").replace("  name: demo\n",
                "  name: demo\n  annotations:\n    deprecated.daemonset.template.generation: \"3\"\n");
        Placement placement = evaluate(manifest, nodes);
        // desired a,b,c; current a,b,c; ready a,b; available a (b ready 10s < 30s); updated a; misscheduled tainted
        assertEquals(new DaemonSetStatus(3, 3, 2, 1, 1, 1, 2), placement.status());
        assertEquals(2, placement.node("b").daemonPods());
        assertEquals("node has the taint x:NoSchedule and the pod template does not tolerate it; the daemon pod already"
                + " running here stays (NoSchedule evicts nothing) and counts as misscheduled",
                placement.node("tainted").reasons().get(0).message());
    }

    @Test
    void rollingUpdateDefaultsToOneUnavailableAndNoSurge() {
        RolloutPreview rollout = RolloutPreview.of(Fixtures.spec(daemonSet("")), 5);
        assertEquals("RollingUpdate", rollout.strategy());
        assertEquals(1, rollout.maxUnavailable());
        assertEquals(0, rollout.maxSurge());
        assertEquals(5, rollout.waves());
        assertEquals(0, rollout.minimumDurationSeconds());
    }

    private static RolloutPreview rollout(String rollingUpdate, int desired) {
        return RolloutPreview.of(Fixtures.spec(daemonSet("minReadySeconds: 10\nupdateStrategy:\n  type: RollingUpdate\n"
                + "  rollingUpdate: " + rollingUpdate + "\n", "")), desired);
    }

    @Test
    void percentagesOfDesiredRoundUpForBothValues() {
        RolloutPreview unavailable = rollout("{maxUnavailable: \"10%\", maxSurge: 0}", 15);
        assertEquals(2, unavailable.maxUnavailable(), "10% of 15 = 1.5, rounded up");
        assertEquals(8, unavailable.waves());
        assertEquals(80, unavailable.minimumDurationSeconds());
        RolloutPreview surge = rollout("{maxUnavailable: 0, maxSurge: \"25%\"}", 10);
        assertEquals(3, surge.maxSurge());
        assertEquals(4, surge.waves());
        assertEquals(1, rollout("{maxUnavailable: 10000}", 3).waves(), "an integer above desired takes all at once");
    }

    @Test
    void bothZeroFallsBackToOneUnavailableUnlessNothingIsDesired() {
        RolloutPreview zero = rollout("{maxUnavailable: \"0%\", maxSurge: 0}", 4);
        assertEquals(1, zero.maxUnavailable());
        assertEquals(4, zero.waves());
        RolloutPreview none = rollout("{maxUnavailable: \"0%\", maxSurge: 0}", 0);
        assertEquals(0, none.maxUnavailable());
        assertEquals(0, none.waves());
    }

    @Test
    void aStringWithoutPercentIsAnError() {
        RolloutPreview bad = rollout("{maxUnavailable: \"2\"}", 4);
        assertTrue(bad.error().startsWith("maxUnavailable \"2\" is invalid"), bad.error());
        assertNull(bad.waves());
    }

    @Test
    void onDeleteDoesNothingUntilPodsAreDeleted() {
        RolloutPreview onDelete = RolloutPreview.of(Fixtures.spec(daemonSet("updateStrategy: {type: OnDelete}\n", "")), 3);
        assertEquals("OnDelete", onDelete.strategy());
        assertNull(onDelete.waves());
        assertTrue(onDelete.note().startsWith("OnDelete: nothing happens until you delete a pod"));
    }
}
