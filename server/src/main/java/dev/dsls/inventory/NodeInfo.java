package dev.dsls.inventory;

import java.util.List;

/**
 * A node with what is already on it, as the scheduler's NodeInfo aggregates it: the bound pods, the
 * sum of their requests (PodRequests, so their init containers, sidecars, pod-level resources and
 * overhead count) and the host ports they hold. Built once per inventory.
 */
public final class NodeInfo {
    private final Node node;
    /** The pods, or null until asked for when this node is {@link #with} one more pod than {@code before}. */
    private List<Pod> pods;
    private final NodeInfo before;
    private final Pod added;
    private final int podCount;
    private final Resources requested;
    private final HostPortInfo usedPorts;

    private NodeInfo(NodeInfo before, Pod added, Resources requested, HostPortInfo usedPorts) {
        this.node = before.node;
        this.before = before;
        this.added = added;
        this.podCount = before.podCount + 1;
        this.requested = requested;
        this.usedPorts = usedPorts;
    }

    NodeInfo(Node node, List<Pod> pods) {
        this.node = node;
        this.pods = List.copyOf(pods);
        this.before = null;
        this.added = null;
        this.podCount = this.pods.size();
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
        List<Pod> staying = new java.util.ArrayList<>(pods());
        staying.removeAll(leaving);
        return new NodeInfo(node, staying);
    }

    /**
     * This node with one more pod bound, whose request and host ports are already known (a daemon pod the
     * preview places): the sums grow by that pod alone instead of being added up again.
     */
    public NodeInfo with(Pod pod, Resources request, List<HostPortInfo.PortUse> ports) {
        Resources sum = new Resources.Accumulator().add(requested).add(request).toResources();
        return new NodeInfo(this, pod, sum, usedPorts.with(ports, pod.qualifiedName()));
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    /** The pods bound to this node that still hold resources (not Succeeded or Failed). */
    public synchronized List<Pod> pods() {
        if (pods == null) {
            List<Pod> all = new java.util.ArrayList<>(podCount);
            all.addAll(before.pods());
            all.add(added);
            pods = java.util.Collections.unmodifiableList(all);
        }
        return pods;
    }

    /** How many pods are bound here: {@code pods().size()} without building the list. */
    public int podCount() {
        return podCount;
    }

    public Resources requested() {
        return requested;
    }

    public HostPortInfo usedPorts() {
        return usedPorts;
    }
}
