package dev.dsls.inventory;

import java.util.Map;

/**
 * Which fields of a kubectl listing the inventory keeps. Both fast readers (JSON and kubectl-style
 * YAML) skip everything else (annotations, managedFields, images, conditions of nodes, env, volumes…)
 * without building it, which is most of a real listing's bytes.
 */
final class InventoryShape {
    /** Keep the whole subtree. */
    static final Object ALL = new Object();
    private static final Map<String, Object> CONTAINER = Map.of("name", ALL, "resources", ALL, "ports", ALL,
            "restartPolicy", ALL);
    /** What is kept of any object: the union of what a Node, a Pod and a PriorityClass need (the kind may come last). */
    static final Map<String, Object> ITEM = Map.of(
            "apiVersion", ALL,
            "kind", ALL,
            "metadata", Map.of("name", ALL, "generateName", ALL, "namespace", ALL, "labels", ALL,
                    "ownerReferences", ALL, "creationTimestamp", ALL, "deletionTimestamp", ALL),
            "spec", Map.ofEntries(Map.entry("taints", ALL), Map.entry("unschedulable", ALL),
                    Map.entry("nodeName", ALL), Map.entry("hostNetwork", ALL), Map.entry("overhead", ALL),
                    Map.entry("resources", ALL), Map.entry("affinity", ALL), Map.entry("containers", CONTAINER),
                    Map.entry("initContainers", CONTAINER), Map.entry("priorityClassName", ALL),
                    Map.entry("priority", ALL)),
            "status", Map.of("allocatable", ALL, "phase", ALL, "conditions", ALL),
            // A PriorityClass keeps its fields at the top level.
            "value", ALL,
            "globalDefault", ALL,
            "preemptionPolicy", ALL);

    private InventoryShape() {
    }

    /** The shape of a child field, or null when the field is skipped. */
    @SuppressWarnings("unchecked")
    static Object child(Object shape, String key) {
        return shape == ALL ? ALL : ((Map<String, Object>) shape).get(key);
    }
}
