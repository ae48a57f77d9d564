package dev.dsls.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What completion, hover and "did you mean" ask of an inventory, precomputed so they never rescan
 * the nodes: each label key with its values and the nodes carrying each, each distinct taint with
 * its nodes, and the node names. Immutable.
 */
public final class InventoryIndex {
    private final Map<String, Map<String, List<String>>> labels;
    private final Map<String, Integer> nodesPerKey;
    private final Map<Taint, List<String>> taints;
    private final List<String> nodeNames;

    InventoryIndex(List<NodeInfo> nodes) {
        Map<String, Map<String, List<String>>> byKey = new TreeMap<>();
        Map<Taint, List<String>> byTaint = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(nodes.size());
        for (NodeInfo info : nodes) {
            Node node = info.node();
            names.add(node.name());
            node.labels().forEach((key, value) -> byKey.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(value, v -> new ArrayList<>()).add(node.name()));
            for (Taint taint : node.taints()) {
                List<String> holders = byTaint.computeIfAbsent(taint, t -> new ArrayList<>());
                if (holders.isEmpty() || !holders.get(holders.size() - 1).equals(node.name())) {
                    holders.add(node.name());
                }
            }
        }
        Map<String, Map<String, List<String>>> frozenLabels = new TreeMap<>();
        Map<String, Integer> perKey = new HashMap<>();
        byKey.forEach((key, values) -> {
            Map<String, List<String>> frozenValues = new TreeMap<>();
            int count = 0;
            for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                frozenValues.put(entry.getKey(), List.copyOf(entry.getValue()));
                count += entry.getValue().size();
            }
            frozenLabels.put(key, Collections.unmodifiableMap(frozenValues));
            perKey.put(key, count);
        });
        Map<Taint, List<String>> frozenTaints = new LinkedHashMap<>();
        byTaint.forEach((taint, holders) -> frozenTaints.put(taint, List.copyOf(holders)));
        Collections.sort(names);
        this.labels = Collections.unmodifiableMap(frozenLabels);
        this.nodesPerKey = Collections.unmodifiableMap(perKey);
        this.taints = Collections.unmodifiableMap(frozenTaints);
        this.nodeNames = List.copyOf(names);
    }

    /** Every label key some node carries, sorted. */
    public java.util.Set<String> labelKeys() {
        return labels.keySet();
    }

    /** The values of a label key with how many nodes carry each, sorted by value; empty for an unknown key. */
    public Map<String, Integer> labelValues(String key) {
        Map<String, List<String>> values = labels.get(key);
        if (values == null) {
            return Map.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach((value, nodes) -> counts.put(value, nodes.size()));
        return counts;
    }

    /** How many nodes carry the label key (with any value). */
    public int nodesWithKey(String key) {
        return nodesPerKey.getOrDefault(key, 0);
    }

    /** The nodes whose label {@code key} has exactly {@code value}, sorted as read. */
    public List<String> nodesWithLabel(String key, String value) {
        Map<String, List<String>> values = labels.get(key);
        List<String> nodes = values == null ? null : values.get(value);
        return nodes == null ? List.of() : nodes;
    }

    /** Every distinct taint (key, value, effect) with the nodes that carry it, in inventory order. */
    public Map<Taint, List<String>> taints() {
        return taints;
    }

    /** The node names, sorted. */
    public List<String> nodeNames() {
        return nodeNames;
    }
}
