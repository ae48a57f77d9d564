package dev.dsls.scheduling;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.OwnerReference;
import dev.dsls.inventory.Pod;
import dev.dsls.inventory.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Previews several DaemonSets over one inventory together, as their pods would be bound: in the
 * scheduler's queue order (PrioritySort: effective priority descending; the order given among equals),
 * each DaemonSet meeting the inventory's pods plus the daemon pods bound before it. A pod that does not
 * fit may preempt pods of strictly lower priority ({@link DefaultPreemption}); one that fits alone but
 * not together stays Pending and names the DaemonSets holding the room.
 *
 * <p>The DaemonSets' own pods in the inventory are replaced by the pods this pass binds: the preview is
 * of the manifests as written, not of the pods they once created.
 */
public final class FleetEvaluator {
    private FleetEvaluator() {
    }

    public static Fleet evaluate(List<CompiledDaemonSet> daemonSets, Inventory inventory, PriorityClasses classes,
                                 Instant now) {
        List<NodeInfo> nodes = inventory.nodes();
        List<Map<String, List<Pod>>> ownPods = new ArrayList<>(daemonSets.size());
        Map<String, List<Pod>> fleetPodsByNode = new HashMap<>();
        for (CompiledDaemonSet daemonSet : daemonSets) {
            Map<String, List<Pod>> pods = inventory.pods().isEmpty() ? Map.of()
                    : DaemonSetController.daemonPodsByNode(daemonSet, inventory.pods());
            ownPods.add(pods);
            pods.forEach((node, list) -> fleetPodsByNode.computeIfAbsent(node, n -> new ArrayList<>()).addAll(list));
        }
        NodeInfo[] room = new NodeInfo[nodes.size()];
        for (int i = 0; i < room.length; i++) {
            NodeInfo node = nodes.get(i);
            room[i] = node.without(fleetPodsByNode.getOrDefault(node.name(), List.of()));
        }
        // Each node without this pass's daemon pods (less the evicted victims): what "fits alone" is tested on.
        NodeInfo[] withoutFleet = room.clone();
        List<List<Bound>> boundHere = new ArrayList<>(Collections.nCopies(room.length, List.of()));

        List<PriorityClasses.Priority> priorities = daemonSets.stream()
                .map(daemonSet -> classes.resolve(daemonSet.podSpec().priorityClassName())).toList();
        List<Integer> queue = new ArrayList<>();
        for (int i = 0; i < daemonSets.size(); i++) {
            queue.add(i);
        }
        // A stable sort: equal priorities keep the order given.
        queue.sort(Comparator.comparingInt(i -> -priorities.get(i).value()));

        Placement[] placements = new Placement[daemonSets.size()];
        for (int member : queue) {
            CompiledDaemonSet daemonSet = daemonSets.get(member);
            PriorityClasses.Priority priority = priorities.get(member);
            Pod daemonPod = daemonPod(daemonSet, priority.value());
            Resources request = daemonSet.requests().total();
            Bound bound = new Bound(daemonPod.qualifiedName(), request);
            List<NodePlacement> verdicts = new ArrayList<>(nodes.size());
            for (int i = 0; i < room.length; i++) {
                NodeInfo node = room[i];
                int inventoryPods = ownPods.get(member).getOrDefault(node.name(), List.of()).size();
                DaemonSetController.ShouldRun decision = DaemonSetController.nodeShouldRunDaemonPod(daemonSet, node.node());
                if (!decision.shouldRun()) {
                    verdicts.add(new NodePlacement(daemonSet, node, decision, false, inventoryPods));
                    continue;
                }
                if (PlacementEvaluator.fits(daemonSet, node)) {
                    verdicts.add(new NodePlacement(daemonSet, node, decision, true, inventoryPods));
                    room[i] = node.with(daemonPod, request, daemonSet.hostPorts());
                    boundHere.set(i, appended(boundHere.get(i), bound));
                    continue;
                }
                List<Pod> victims = priority.preempts()
                        ? DefaultPreemption.selectVictimsOnNode(daemonSet, priority.value(), node, classes) : null;
                if (victims != null) {
                    verdicts.add(NodePlacement.preempting(daemonSet, node, decision, inventoryPods,
                            victims.stream().map(Pod::qualifiedName).toList()));
                    room[i] = node.without(victims).with(daemonPod, request, daemonSet.hostPorts());
                    withoutFleet[i] = withoutFleet[i].without(victims);
                    boundHere.set(i, appended(boundHere.get(i), bound));
                    continue;
                }
                // Held by the others when the node as it is now, less their daemon pods, would take it.
                List<String> heldBy = !boundHere.get(i).isEmpty() && PlacementEvaluator.fits(daemonSet, withoutFleet[i])
                        ? holders(daemonSet, node, boundHere.get(i)) : List.of();
                verdicts.add(NodePlacement.pending(daemonSet, node, decision, inventoryPods, heldBy));
            }
            DaemonSetStatus status = DaemonSetController.status(daemonSet, verdicts, ownPods.get(member), now);
            RolloutPreview rollout = RolloutPreview.of(daemonSet, status.desiredNumberScheduled());
            placements[member] = new Placement(daemonSet, inventory, verdicts, status, rollout, priority,
                    PlacementEvaluator.ASSUMPTIONS);
        }
        List<Placement> inOrder = List.of(placements);
        return new Fleet(inventory, inOrder, queue.stream().map(i -> placements[i]).toList(), List.of(room));
    }

    /** The pod the controller would create, as the scheduler's NodeInfo holds it once bound. */
    private static Pod daemonPod(CompiledDaemonSet daemonSet, int priority) {
        OwnerReference owner = new OwnerReference("apps/v1", "DaemonSet", daemonSet.name(), "", true);
        return new Pod(daemonSet.name(), daemonSet.namespace(), Map.of(), List.of(owner),
                daemonSet.podSpec().withPriority(priority), "Running", true, null, null, false, null);
    }

    /** A daemon pod this pass bound to a node: its DaemonSet and what it requests. */
    private record Bound(String daemonSet, Resources request) {
    }

    /**
     * The DaemonSets bound here before that take what this pod lacks: the holder of a wanted host port,
     * those requesting a resource that is short, or all of them when it is the pod count.
     */
    private static List<String> holders(CompiledDaemonSet daemonSet, NodeInfo node, List<Bound> bound) {
        Set<String> holders = new LinkedHashSet<>();
        for (NodePorts.Conflict conflict : NodePorts.conflicts(daemonSet.hostPorts(), node.usedPorts())) {
            for (Bound pod : bound) {
                if (pod.daemonSet().equals(conflict.holder())) {
                    holders.add(pod.daemonSet());
                }
            }
        }
        for (NodeResourcesFit.InsufficientResource missing : NodeResourcesFit.fitsRequest(daemonSet.requests().total(),
                node.node().allocatable(), node.requested(), node.podCount())) {
            for (Bound pod : bound) {
                if (Resources.PODS.equals(missing.resource()) || pod.request().get(missing.resource()) > 0) {
                    holders.add(pod.daemonSet());
                }
            }
        }
        if (holders.isEmpty()) {
            bound.forEach(pod -> holders.add(pod.daemonSet()));
        }
        return List.copyOf(holders);
    }

    private static List<Bound> appended(List<Bound> list, Bound item) {
        List<Bound> more = new ArrayList<>(list.size() + 1);
        more.addAll(list);
        more.add(item);
        return more;
    }
}
