package dev.dsls.inventory;

import java.util.List;

/**
 * A node with what is already on it, as the scheduler's NodeInfo aggregates it: the bound pods, the
 * sum of their requests (PodRequests, so their init containers, sidecars, pod-level resources and
 * overhead count) and the host ports they hold. Built once per inventory.
 */
public final class NodeInfo {
    private final Node node;
    private final List<Pod> pods;
    private final Resources requested;
    private final HostPortInfo usedPorts;

    NodeInfo(Node node, List<Pod> pods) {
        this.node = node;
        this.pods = List.copyOf(pods);
        Resources.Accumulator sum = new Resources.Accumulator();
        HostPortInfo.Builder ports = new HostPortInfo.Builder();
        for (Pod pod : pods) {
            sum.add(PodRequests.of(pod.spec()));
            for (HostPortInfo.PortUse use : HostPortInfo.hostPorts(pod.spec())) {
                ports.add(use.port(), pod.qualifiedName());
            }
        }
        this.requested = sum.toResources();
        this.usedPorts = ports.build();
    }

    /** This node as if these pods were gone: a daemon pod's replacement does not compete with the pod it replaces. */
    public NodeInfo without(java.util.Collection<Pod> leaving) {
        if (leaving.isEmpty()) {
            return this;
        }
        List<Pod> staying = new java.util.ArrayList<>(pods);
        staying.removeAll(leaving);
        return new NodeInfo(node, staying);
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    /** The pods bound to this node that still hold resources (not Succeeded or Failed). */
    public List<Pod> pods() {
        return pods;
    }

    public Resources requested() {
        return requested;
    }

    public HostPortInfo usedPorts() {
        return usedPorts;
    }
}
