package dev.dsls.scheduling;

import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's NodeResourcesFit filter (fitsRequest): first the pod count against allocatable
 * pods, then, unless the pod requests nothing at all, cpu, memory, ephemeral-storage and every scalar
 * resource against allocatable minus what the pods already there request. Equality fits.
 */
public final class NodeResourcesFit implements FilterPlugin<NodeInfo> {
    public static final NodeResourcesFit PLUGIN = new NodeResourcesFit();

    /** One resource that does not fit: what the pod asks, what is already requested, what the node has. */
    public record InsufficientResource(String resource, long requested, long used, long capacity) {
        public long free() {
            return capacity - used;
        }
    }

    private NodeResourcesFit() {
    }

    @Override
    public String name() {
        return "NodeResourcesFit";
    }

    @Override
    public boolean passes(CompiledDaemonSet daemonSet, NodeInfo node) {
        return insufficient(daemonSet, node).isEmpty();
    }

    @Override
    public List<Reason> reasons(CompiledDaemonSet daemonSet, NodeInfo node) {
        return reasons(insufficient(daemonSet, node), daemonSet.requests().sources());
    }

    private static List<InsufficientResource> insufficient(CompiledDaemonSet daemonSet, NodeInfo node) {
        return fitsRequest(daemonSet.requests().total(), node.node().allocatable(), node.requested(), node.podCount());
    }

    /** The insufficient resources, pods first; an empty list (no allocation) when the pod fits. */
    public static List<InsufficientResource> fitsRequest(Resources request, Resources allocatable, Resources requested,
                                                         int podsOnNode) {
        List<InsufficientResource> insufficient = null;
        if (podsOnNode + 1 > allocatable.allowedPods()) {
            insufficient = add(null, new InsufficientResource(Resources.PODS, 1, podsOnNode, allocatable.allowedPods()));
        }
        if (request.isZero()) {
            return insufficient == null ? List.of() : insufficient;
        }
        insufficient = check(insufficient, Resources.CPU, request.milliCpu(), allocatable.milliCpu(), requested.milliCpu());
        insufficient = check(insufficient, Resources.MEMORY, request.memory(), allocatable.memory(), requested.memory());
        insufficient = check(insufficient, Resources.EPHEMERAL_STORAGE, request.ephemeralStorage(),
                allocatable.ephemeralStorage(), requested.ephemeralStorage());
        for (Map.Entry<String, Long> scalar : request.scalars().entrySet()) {
            String name = scalar.getKey();
            insufficient = check(insufficient, name, scalar.getValue(), allocatable.get(name), requested.get(name));
        }
        return insufficient == null ? List.of() : insufficient;
    }

    private static List<InsufficientResource> check(List<InsufficientResource> insufficient, String name, long want,
                                                    long capacity, long used) {
        if (want > 0 && want > capacity - used) {
            return add(insufficient, new InsufficientResource(name, want, used, capacity));
        }
        return insufficient;
    }

    private static List<InsufficientResource> add(List<InsufficientResource> list, InsufficientResource item) {
        List<InsufficientResource> result = list == null ? new ArrayList<>() : list;
        result.add(item);
        return result;
    }

    private static List<Reason> reasons(List<InsufficientResource> insufficient, Map<String, String> sources) {
        List<Reason> reasons = new ArrayList<>();
        for (InsufficientResource resource : insufficient) {
            if (Resources.PODS.equals(resource.resource())) {
                reasons.add(new Reason(ReasonCode.POD_COUNT, String.format("too many pods: the node already runs %d"
                        + " pod%s and allows %d (status.allocatable.pods)", resource.used(), resource.used() == 1 ? "" : "s",
                        resource.capacity()), "pods " + resource.used() + "/" + resource.capacity(), CompiledDaemonSet.POD_SPEC));
                continue;
            }
            String name = resource.resource();
            String free = Resources.format(name, Math.max(0, resource.free()));
            String message = resource.capacity() == 0 && resource.used() == 0
                    ? String.format("needs %s %s, the node has none (allocatable %s is 0 or absent)", name,
                    Resources.format(name, resource.requested()), name)
                    : String.format("needs %s %s, %s free (allocatable %s, %s requested by the pods already there)", name,
                    Resources.format(name, resource.requested()), free, Resources.format(name, resource.capacity()),
                    Resources.format(name, resource.used()));
            String source = sources.get(name);
            reasons.add(new Reason(ReasonCode.RESOURCES, message, name + " " + Resources.format(name, resource.requested())
                    + " > " + free + " free", source == null ? CompiledDaemonSet.POD_SPEC : CompiledDaemonSet.inPodSpec(source)));
        }
        return reasons;
    }
}
