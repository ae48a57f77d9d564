package dev.dsls.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pod from the inventory: bound pods consume their node's resources, pod slots and host ports; pods
 * owned by a DaemonSet also make up its status.
 *
 * @param phase       status.phase ("" when absent); Succeeded and Failed pods never reach an inventory
 * @param ready       the Ready condition is True
 * @param readySince  lastTransitionTime of the Ready condition, or null
 * @param created     metadata.creationTimestamp, or null
 * @param terminating metadata.deletionTimestamp is set
 */
public record Pod(String name, String namespace, Map<String, String> labels, List<OwnerReference> ownerReferences,
                  PodSpec spec, String phase, boolean ready, Instant readySince, Instant created, boolean terminating,
                  SourceLocation source) {
    /**
     * The deprecated template-generation label, still compared by DU IsPodUpdated. (Its other test, the
     * controller-revision-hash label, needs the template's hash, which only the cluster computes.)
     */
    public static final String TEMPLATE_GENERATION = "pod-template-generation";

    public Pod {
        labels = Map.copyOf(labels);
        ownerReferences = List.copyOf(ownerReferences);
        phase = phase == null ? "" : phase;
        namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    /** Succeeded and Failed pods free their resources (the scheduler's informer filters them out). */
    public static boolean isTerminal(String phase) {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** The controlling owner, or null. */
    public OwnerReference controller() {
        for (OwnerReference owner : ownerReferences) {
            if (owner.controller()) {
                return owner;
            }
        }
        return null;
    }

    public String qualifiedName() {
        return namespace + "/" + name;
    }
}
