package dev.dsls.scheduling;

import dev.dsls.inventory.HostPortInfo;
import dev.dsls.inventory.NodeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's NodePorts filter (fitsPorts): a host port the pod wants must not be held on the
 * node already, with HostPortInfo's wildcard rules.
 */
public final class NodePorts implements FilterPlugin<NodeInfo> {
    public static final NodePorts PLUGIN = new NodePorts();

    /** A wanted port and the pod already holding it. */
    public record Conflict(HostPortInfo.PortUse wanted, String holder) {
    }

    private NodePorts() {
    }

    @Override
    public String name() {
        return "NodePorts";
    }

    @Override
    public boolean passes(CompiledDaemonSet daemonSet, NodeInfo node) {
        return conflicts(daemonSet.hostPorts(), node.usedPorts()).isEmpty();
    }

    @Override
    public List<Reason> reasons(CompiledDaemonSet daemonSet, NodeInfo node) {
        return reasons(conflicts(daemonSet.hostPorts(), node.usedPorts()));
    }

    /** The conflicting ports, or an empty list (allocation-free when nothing is held or wanted). */
    public static List<Conflict> conflicts(List<HostPortInfo.PortUse> wanted, HostPortInfo used) {
        if (wanted.isEmpty() || used.isEmpty()) {
            return List.of();
        }
        List<Conflict> conflicts = null;
        for (HostPortInfo.PortUse use : wanted) {
            String holder = used.conflict(use.port());
            if (holder != null) {
                if (conflicts == null) {
                    conflicts = new ArrayList<>();
                }
                conflicts.add(new Conflict(use, holder));
            }
        }
        return conflicts == null ? List.of() : conflicts;
    }

    private static List<Reason> reasons(List<Conflict> conflicts) {
        List<Reason> reasons = new ArrayList<>();
        for (Conflict conflict : conflicts) {
            HostPortInfo.HostPort port = conflict.wanted().port();
            reasons.add(new Reason(ReasonCode.HOST_PORT, String.format("host port %d/%s (%s) is already in use on the"
                    + " node by pod %s", port.port(), port.protocol(), port.ip(), conflict.holder()),
                    "hostPort " + port.port() + "/" + port.protocol(), CompiledDaemonSet.inPodSpec(conflict.wanted().path())));
        }
        return reasons;
    }
}
