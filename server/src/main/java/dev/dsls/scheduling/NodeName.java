package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import java.util.List;

/**
 * The nodeName check of NodeShouldRunDaemonPod: a template that sets spec.nodeName wants that node
 * only. (The created pod then bypasses the scheduler; the kubelet admits it with the same fit rules.)
 */
public final class NodeName {
    private NodeName() {
    }

    public static boolean fits(DaemonSetSpec daemonSet, Node node) {
        return daemonSet.nodeName().isEmpty() || daemonSet.nodeName().equals(node.name());
    }

    public static List<Reason> reasons(DaemonSetSpec daemonSet, Node node) {
        if (fits(daemonSet, node)) {
            return List.of();
        }
        return List.of(new Reason(ReasonCode.NODE_NAME, String.format("the template sets nodeName: %s, so only node %s"
                + " is wanted", daemonSet.nodeName(), daemonSet.nodeName()), "nodeName " + daemonSet.nodeName(),
                DaemonSetSpec.POD_SPEC.field("nodeName")));
    }
}
