package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import java.util.List;

/**
 * The nodeName check of NodeShouldRunDaemonPod: a template that sets spec.nodeName wants that node
 * only. (The created pod then bypasses the scheduler; the kubelet admits it with the same fit rules.)
 */
public final class NodeName implements FilterPlugin<Node> {
    public static final NodeName PLUGIN = new NodeName();

    private NodeName() {
    }

    @Override
    public String name() {
        return "NodeName";
    }

    @Override
    public boolean passes(CompiledDaemonSet daemonSet, Node node) {
        return daemonSet.nodeName().isEmpty() || daemonSet.nodeName().equals(node.name());
    }

    @Override
    public List<Reason> reasons(CompiledDaemonSet daemonSet, Node node) {
        if (passes(daemonSet, node)) {
            return List.of();
        }
        return List.of(new Reason(ReasonCode.NODE_NAME, String.format("the template sets nodeName: %s, so only node %s"
                + " is wanted", daemonSet.nodeName(), daemonSet.nodeName()), "nodeName " + daemonSet.nodeName(),
                CompiledDaemonSet.POD_SPEC.field("nodeName")));
    }
}
