package dev.dsls.inventory;

import java.util.List;
import java.util.Map;

/**
 * A Node as placement reads it: name, labels, taints, allocatable and the cordon flag. Node
 * conditions are not kept: the DaemonSet controller never reads them (only the taints they cause).
 *
 * @param template a Node with {@code metadata.generateName} and no name: "a new node like this" (a node
 *                 pool's shape), named by its generateName, previewed but never counted in a status
 */
public record Node(String name, Map<String, String> labels, List<Taint> taints, Resources allocatable,
                   boolean unschedulable, boolean template, SourceLocation source) {
    public Node {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** The same node with one label set: how near misses try "what if this node had the label". */
    public Node withLabel(String key, String value) {
        Map<String, String> changed = new java.util.HashMap<>(labels);
        changed.put(key, value);
        return new Node(name, changed, taints, allocatable, unschedulable, template, source);
    }

    /** The same node without a label. */
    public Node withoutLabel(String key) {
        Map<String, String> changed = new java.util.HashMap<>(labels);
        changed.remove(key);
        return new Node(name, changed, taints, allocatable, unschedulable, template, source);
    }
}
