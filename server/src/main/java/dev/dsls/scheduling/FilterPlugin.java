package dev.dsls.scheduling;

import java.util.List;

/**
 * One predicate of the DaemonSet controller (over a Node) or one filter plugin of the scheduler (over a
 * NodeInfo: the node with its pods), named like upstream's. The decision iterates an ordered list of them
 * on every node; the reasons and the near miss ask them again only for the nodes that are shown.
 *
 * @param <N> what the plugin reads: {@code Node} or {@code NodeInfo}
 */
public interface FilterPlugin<N> {
    /** Upstream's name (the scheduler plugin, or the controller predicate that mirrors it). */
    String name();

    /** True when the node passes; allocation-free, as it runs for every node. */
    boolean passes(CompiledDaemonSet daemonSet, N node);

    /** Why the node fails this plugin, first reason first; empty when it passes. */
    List<Reason> reasons(CompiledDaemonSet daemonSet, N node);

    /**
     * The one change to the node or the DaemonSet that makes this plugin pass, asked only when it is the
     * only plugin that fails (so the change lets the pod in); null when there is none worth offering.
     */
    default NearMiss nearMiss(CompiledDaemonSet daemonSet, N node) {
        return null;
    }
}
