package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.codes;
import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static dev.dsls.scheduling.Fixtures.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.inventory.Inventory;
import dev.dsls.testing.Problems;
import dev.dsls.yaml.TextIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NodePorts and NodeResourcesFit for desired nodes (placement-semantics 12–18). */
class FitTest {
    private static String pod(String name, String node, String phase, String containers) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: other\nspec:\n  nodeName: " + node
                + "\n  containers:\n" + Fixtures.indent(containers, 2) + "status:\n  phase: " + phase + "\n";
    }

    private static final String BUSY = "- name: c\n  resources: {requests: {cpu: 3800m, memory: 1Gi}}\n"
            + "  ports: [{containerPort: 9100, hostPort: 9100}]\n";

    private static final Inventory NODES = inventory(
            node("busy", "", "", "cpu: \"4\"\n    memory: 2Gi\n    pods: \"3\""),
            node("full", "", "", "cpu: \"4\"\n    memory: 2Gi\n    pods: \"1\""),
            node("idle", "", "", "cpu: \"4\"\n    memory: 2Gi\n    pods: \"3\""),
            node("noslots", "", "", "cpu: \"4\""),
            pod("busy-1", "busy", "Running", BUSY),
            pod("full-1", "full", "Running", "- name: c\n"),
            pod("done", "idle", "Succeeded", BUSY),
            pod("failed", "idle", "Failed", BUSY));

    private static final String REQUESTS_300M = "containers:\n- name: demo\n  image: busybox:1.36\n"
            + "  resources: {requests: {cpu: 300m}}\n";

    @Test
    void resourcesAreAllocatableMinusWhatThePodsThereRequestAndEqualityFits() {
        Placement placement = evaluate(daemonSet("").replace("      containers:\n      - name: demo\n        image: busybox:1.36\n",
                Fixtures.indent(REQUESTS_300M, 6)), NODES);
        assertEquals(List.of("resources: needs cpu 300m, 200m free (allocatable 4, 3800m requested by the pods already there)"),
                reasons(placement, "busy"));
        assertTrue(placement.node("busy").desired(), "resources never change desired");
        assertEquals(NodePlacement.Runs.PENDING, placement.node("busy").runs());
        assertTrue(placement.node("idle").fits(), "Succeeded and Failed pods hold nothing");
        assertEquals(4, placement.status().desiredNumberScheduled());

        Placement exact = evaluate(daemonSet("").replace("      containers:\n      - name: demo\n        image: busybox:1.36\n",
                Fixtures.indent(REQUESTS_300M.replace("300m", "200m"), 6)), NODES);
        assertTrue(exact.node("busy").fits());
    }

    @Test
    void podCountComesFirstAndIsCheckedEvenWithoutRequests() {
        Placement placement = evaluate(daemonSet(""), NODES);
        assertEquals(List.of("podCount: too many pods: the node already runs 1 pod and allows 1 (status.allocatable.pods)"),
                reasons(placement, "full"));
        assertEquals(List.of("podCount"), codes(placement, "noslots"), "no allocatable.pods means no slot");
        assertTrue(placement.node("busy").fits());
    }

    @Test
    void hostPortConflictsComeBeforeResourcesAndHostNetworkImpliesHostPorts() {
        String manifest = daemonSet("hostNetwork: true\n").replace("        image: busybox:1.36\n",
                "        image: busybox:1.36\n        ports: [{containerPort: 9100}]\n"
                        + "        resources: {requests: {cpu: \"1\"}}\n");
        Placement placement = evaluate(manifest, NODES);
        assertEquals(List.of("hostPort", "resources"), codes(placement, "busy"));
        assertEquals("hostPort: host port 9100/TCP (0.0.0.0) is already in use on the node by pod other/busy-1",
                reasons(placement, "busy").get(0));
        var reason = placement.node("busy").reasons().get(0);
        TextIndex index = new TextIndex(manifest);
        assertEquals("{containerPort: 9100}", Problems.covered(index, placement.daemonSet().object().rangeOf(reason.path(), true)));
        var resources = placement.node("busy").reasons().get(1);
        assertEquals("\"1\"", Problems.covered(index, placement.daemonSet().object().rangeOf(resources.path(), true)));
        assertTrue(placement.node("idle").fits(), "the terminal pods' ports are free");
    }

    @Test
    void scalarResourcesMissingFromAllocatableNeverFit() {
        String manifest = daemonSet("").replace("        image: busybox:1.36\n",
                "        image: busybox:1.36\n        resources: {limits: {nvidia.com/gpu: 1}}\n");
        Placement placement = evaluate(manifest, NODES);
        assertEquals(List.of("resources: needs nvidia.com/gpu 1, the node has none (allocatable nvidia.com/gpu is 0 or absent)"),
                reasons(placement, "idle"));
        assertFalse(placement.node("idle").fits());
    }

    @Test
    void theDaemonSetsOwnPodIsReplacedNotAddedTo() {
        Inventory nodes = inventory(node("n", "", "", "cpu: \"1\"\n    pods: \"1\""),
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo-x\n  labels: {app: demo}\n"
                        + "  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: demo, uid: u, controller: true}]\n"
                        + "spec:\n  nodeName: n\n  containers:\n  - name: demo\n    resources: {requests: {cpu: 800m}}\n"
                        + "status:\n  phase: Running\n");
        String manifest = daemonSet("").replace("        image: busybox:1.36\n",
                "        image: busybox:1.36\n        resources: {requests: {cpu: 900m}}\n");
        Placement placement = evaluate(manifest, nodes);
        assertTrue(placement.node("n").fits());
        assertEquals(1, placement.node("n").daemonPods());
    }
}
