package dev.dsls.preview;

import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.Resources;
import dev.dsls.scheduling.Fleet;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The DaemonSet budget per node pool: nodes grouped by a label (the instance type by default), what
 * their daemon pods request, what the nodes can allocate, what is left for workloads after the daemon
 * pods and the inventory's pods, the pods left Pending and the pods preempted. Templates are reported
 * on their own: whether every DaemonSet fits a new node of that shape.
 */
public final class FleetBudget {
    public static final String DEFAULT_GROUP_BY = "node.kubernetes.io/instance-type";
    public static final String NO_LABEL = "<none>";

    /** DaemonSet pods of one DaemonSet in a group that do not run, by the first reason's code. */
    public record Pending(String daemonSet, int nodes, String reason, List<String> heldBy, List<String> examples) {
    }

    public record Preemption(String daemonSet, int nodes, List<String> victims) {
    }

    /**
     * One pool. Sums are over its real nodes; per-node figures are the largest daemon total and the
     * smallest allocatable and leftover on one node.
     */
    public record Group(String key, int nodes, int templates, int daemonPods, Resources requests,
                        Resources requestsPerNode, Resources allocatable, Resources allocatablePerNode,
                        Resources available, Resources availablePerNode, List<Pending> pending,
                        List<Preemption> preemptions) {
    }

    /** A node template: whether a new node of that shape runs every DaemonSet that wants it, and what it leaves. */
    public record Template(String name, String group, boolean fits, int daemonPods, List<Pending> pending,
                           Resources left) {
    }

    public record Budget(String groupBy, List<Group> groups, List<Template> templates) {
    }

    private FleetBudget() {
    }

    public static Budget of(Fleet fleet, String groupBy) {
        List<NodeInfo> nodes = fleet.inventory().nodes();
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String key = nodes.get(i).node().labels().getOrDefault(groupBy, NO_LABEL);
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, indexes) -> {
            List<Integer> real = indexes.stream().filter(i -> !nodes.get(i).node().template()).toList();
            List<Integer> shapes = indexes.stream().filter(i -> nodes.get(i).node().template()).toList();
            if (!real.isEmpty() || !shapes.isEmpty()) {
                groups.add(group(fleet, key, real, shapes.size()));
            }
            for (int i : shapes) {
                templates.add(template(fleet, key, i));
            }
        });
        return new Budget(groupBy, groups, templates);
    }

    private static Group group(Fleet fleet, String key, List<Integer> indexes, int templates) {
        Resources.Accumulator requests = new Resources.Accumulator();
        Resources.Accumulator perNode = new Resources.Accumulator();
        Resources.Accumulator allocatable = new Resources.Accumulator();
        Resources.Accumulator available = new Resources.Accumulator();
        Resources smallestAllocatable = null;
        Resources smallestLeft = null;
        int daemonPods = 0;
        for (int i : indexes) {
            Resources daemon = daemonRequests(fleet, i);
            daemonPods += daemonPodsOn(fleet, i);
            requests.add(daemon);
            daemon.names().forEach(name -> perNode.max(name, daemon.get(name)));
            NodeInfo after = fleet.nodesAfter().get(i);
            Resources nodeAllocatable = after.node().allocatable();
            allocatable.add(nodeAllocatable);
            Resources left = left(nodeAllocatable, after.requested());
            available.add(left);
            smallestAllocatable = smallest(smallestAllocatable, nodeAllocatable);
            smallestLeft = smallest(smallestLeft, left);
        }
        Resources none = new Resources.Accumulator().toResources();
        return new Group(key, indexes.size(), templates, daemonPods, requests.toResources(), perNode.toResources(),
                allocatable.toResources(), smallestAllocatable == null ? none : smallestAllocatable,
                available.toResources(), smallestLeft == null ? none : smallestLeft, pending(fleet, indexes),
                preemptions(fleet, indexes));
    }

    private static Template template(Fleet fleet, String key, int index) {
        NodeInfo after = fleet.nodesAfter().get(index);
        List<Pending> pending = pending(fleet, List.of(index));
        return new Template(after.name(), key, pending.isEmpty(), daemonPodsOn(fleet, index), pending,
                left(after.node().allocatable(), after.requested()));
    }

    /** What the daemon pods bound to the node request together. */
    private static Resources daemonRequests(Fleet fleet, int index) {
        Resources.Accumulator sum = new Resources.Accumulator();
        for (Placement placement : fleet.placements()) {
            if (placement.nodes().get(index).runs() == NodePlacement.Runs.YES) {
                sum.add(placement.daemonSet().requests().total());
            }
        }
        return sum.toResources();
    }

    private static int daemonPodsOn(Fleet fleet, int index) {
        int count = 0;
        for (Placement placement : fleet.placements()) {
            if (placement.nodes().get(index).runs() == NodePlacement.Runs.YES) {
                count++;
            }
        }
        return count;
    }

    private static List<Pending> pending(Fleet fleet, List<Integer> indexes) {
        List<Pending> pending = new ArrayList<>();
        for (Placement placement : fleet.placements()) {
            Map<String, List<NodePlacement>> byReason = new LinkedHashMap<>();
            for (int i : indexes) {
                NodePlacement node = placement.nodes().get(i);
                if (node.runs() == NodePlacement.Runs.PENDING) {
                    String reason = node.reasons().isEmpty() ? "" : node.reasons().get(0).code().code();
                    byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(node);
                }
            }
            byReason.forEach((reason, nodes) -> {
                Set<String> heldBy = new LinkedHashSet<>();
                nodes.forEach(node -> heldBy.addAll(node.heldBy()));
                pending.add(new Pending(qualified(placement), nodes.size(), reason, List.copyOf(heldBy),
                        nodes.stream().limit(3).map(NodePlacement::name).toList()));
            });
        }
        return pending;
    }

    private static List<Preemption> preemptions(Fleet fleet, List<Integer> indexes) {
        List<Preemption> preemptions = new ArrayList<>();
        for (Placement placement : fleet.placements()) {
            Set<String> victims = new LinkedHashSet<>();
            int nodes = 0;
            for (int i : indexes) {
                List<String> evicted = placement.nodes().get(i).victims();
                if (!evicted.isEmpty()) {
                    nodes++;
                    victims.addAll(evicted);
                }
            }
            if (nodes > 0) {
                preemptions.add(new Preemption(qualified(placement), nodes, List.copyOf(victims)));
            }
        }
        return preemptions;
    }

    static String qualified(Placement placement) {
        return placement.daemonSet().namespace() + "/" + placement.daemonSet().name();
    }

    /** Allocatable minus requested, per resource the node has, never below zero. */
    private static Resources left(Resources allocatable, Resources requested) {
        Resources.Accumulator left = new Resources.Accumulator();
        for (String name : allocatable.names()) {
            if (!Resources.PODS.equals(name)) {
                left.set(name, Math.max(0, allocatable.get(name) - requested.get(name)));
            }
        }
        return left.toResources();
    }

    /** Per resource, the smaller of the two (the first one seen when there is none yet). */
    private static Resources smallest(Resources known, Resources next) {
        if (known == null) {
            return next;
        }
        Resources.Accumulator min = new Resources.Accumulator();
        Set<String> names = new LinkedHashSet<>(known.names());
        names.addAll(next.names());
        names.forEach(name -> min.set(name, Math.min(known.get(name), next.get(name))));
        return min.toResources();
    }
}
