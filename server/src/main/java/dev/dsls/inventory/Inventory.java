package dev.dsls.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared cluster: nodes with the pods bound to them, and the pods themselves (a DaemonSet's
 * status counts its own). Immutable and built once, so one instance is shared across threads and
 * requests; every aggregate (per-node requests, host ports, the {@link InventoryIndex}) is computed here.
 */
public final class Inventory {
    public static final Inventory EMPTY = of(List.of(), List.of());

    private final List<Node> rawNodes;
    private final List<Pod> pods;
    private final List<PriorityClass> priorityClasses;
    private final List<NodeInfo> nodes;
    private final Map<String, NodeInfo> byName;
    private final InventoryIndex index;

    private Inventory(List<Node> rawNodes, List<Pod> pods, List<PriorityClass> priorityClasses) {
        // A later node with the same name replaces the earlier one, as a later `kubectl apply` would.
        Map<String, Node> unique = new LinkedHashMap<>();
        for (Node node : rawNodes) {
            unique.remove(node.name());
            unique.put(node.name(), node);
        }
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        for (Pod pod : pods) {
            if (!pod.spec().nodeName().isEmpty()) {
                podsByNode.computeIfAbsent(pod.spec().nodeName(), name -> new ArrayList<>()).add(pod);
            }
        }
        List<NodeInfo> infos = new ArrayList<>(unique.size());
        Map<String, NodeInfo> names = new HashMap<>(unique.size() * 2);
        for (Node node : unique.values()) {
            NodeInfo info = new NodeInfo(node, podsByNode.getOrDefault(node.name(), List.of()));
            infos.add(info);
            names.put(node.name(), info);
        }
        this.rawNodes = List.copyOf(unique.values());
        this.pods = List.copyOf(pods);
        this.priorityClasses = List.copyOf(priorityClasses);
        this.nodes = Collections.unmodifiableList(infos);
        this.byName = Collections.unmodifiableMap(names);
        this.index = new InventoryIndex(infos);
    }

    /** An inventory of these nodes and pods; Succeeded and Failed pods are dropped, as the scheduler ignores them. */
    public static Inventory of(Collection<Node> nodes, Collection<Pod> pods) {
        return of(nodes, pods, List.of());
    }

    /** An inventory that also declares the cluster's PriorityClasses ({@code kubectl get priorityclasses -o yaml}). */
    public static Inventory of(Collection<Node> nodes, Collection<Pod> pods, Collection<PriorityClass> priorityClasses) {
        List<Pod> live = new ArrayList<>(pods.size());
        for (Pod pod : pods) {
            if (!Pod.isTerminal(pod.phase())) {
                live.add(pod);
            }
        }
        return new Inventory(List.copyOf(nodes), live, List.copyOf(priorityClasses));
    }

    /** This inventory with another laid over it: its nodes replace same-named ones, its pods are added (a what-if). */
    public Inventory overriddenBy(Inventory other) {
        if (other.rawNodes.isEmpty() && other.pods.isEmpty() && other.priorityClasses.isEmpty()) {
            return this;
        }
        if (rawNodes.isEmpty() && pods.isEmpty() && priorityClasses.isEmpty()) {
            return other;
        }
        List<Node> merged = new ArrayList<>(rawNodes);
        merged.addAll(other.rawNodes);
        List<Pod> allPods = new ArrayList<>(pods);
        allPods.addAll(other.pods);
        List<PriorityClass> allClasses = new ArrayList<>(priorityClasses);
        allClasses.addAll(other.priorityClasses);
        return new Inventory(merged, allPods, allClasses);
    }

    /** The nodes in inventory order (the order they were read), each with what already runs on it. */
    public List<NodeInfo> nodes() {
        return nodes;
    }

    /** The node with this name, or null. */
    public NodeInfo node(String name) {
        return byName.get(name);
    }

    /** Every pod that is not Succeeded or Failed, bound or not. */
    public List<Pod> pods() {
        return pods;
    }

    /** The PriorityClasses the inventory declares, in the order read. */
    public List<PriorityClass> priorityClasses() {
        return priorityClasses;
    }

    public InventoryIndex index() {
        return index;
    }

    public int size() {
        return nodes.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
