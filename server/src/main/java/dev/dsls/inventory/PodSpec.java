package dev.dsls.inventory;

import dev.dsls.schema.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The parts of a pod spec that placement reads: containers and init containers (requests, limits,
 * ports, sidecar restart policy), hostNetwork, overhead and pod-level requests, plus where the pod is
 * bound or aimed.
 *
 * @param podRequests        pod-level {@code spec.resources.requests} (empty when unset)
 * @param podLimits          pod-level {@code spec.resources.limits} (empty when unset): missing pod-level
 *                           requests default to them before scheduling
 * @param nodeName           {@code spec.nodeName}, or "" when unbound
 * @param affinityTargetNode the node a single {@code matchFields metadata.name In [x]} term aims at (how the
 *                           DaemonSet controller pins its pods), or "" ; upstream's GetTargetNodeName reads it
 * @param priorityClassName  {@code spec.priorityClassName}, or ""
 * @param priority           {@code spec.priority} as admission set it on a running pod, or null when absent
 */
public record PodSpec(List<Container> containers, List<Container> initContainers, boolean hostNetwork,
                      Map<String, Quantity> overhead, Map<String, Quantity> podRequests,
                      Map<String, Quantity> podLimits, String nodeName,
                      String affinityTargetNode, String priorityClassName, Integer priority) {
    public static final PodSpec EMPTY = new PodSpec(List.of(), List.of(), false, Map.of(), Map.of(), Map.of(), "",
            "", "", null);

    public PodSpec {
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
        overhead = Map.copyOf(overhead);
        podRequests = Map.copyOf(podRequests);
        podLimits = Map.copyOf(podLimits);
        nodeName = nodeName == null ? "" : nodeName;
        affinityTargetNode = affinityTargetNode == null ? "" : affinityTargetNode;
        priorityClassName = priorityClassName == null ? "" : priorityClassName;
    }

    /** The same spec with the priority admission gives it (a daemon pod the preview places). */
    public PodSpec withPriority(int value) {
        return new PodSpec(containers, initContainers, hostNetwork, overhead, podRequests, podLimits, nodeName,
                affinityTargetNode, priorityClassName, value);
    }

    /** upstream GetTargetNodeName: the bound node, else the node the affinity pins the pod to. */
    public String targetNodeName() {
        return nodeName.isEmpty() ? affinityTargetNode : nodeName;
    }
}
