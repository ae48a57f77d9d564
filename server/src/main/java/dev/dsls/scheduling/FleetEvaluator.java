package dev.dsls.scheduling;

import dev.dsls.inventory.HostPortInfo;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.NodeInfo;
import dev.dsls.inventory.OwnerReference;
import dev.dsls.inventory.Pod;
import dev.dsls.inventory.Resources;
import java.time.Instant;
import java.util.ArrayList;
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
        return evaluate(daemonSets, inventory, classes, now, null);
    }

    /**
     * As above, reusing {@code previous} (the last fleet over the same inventory and classes) as far as
     * it still holds: while the DaemonSets bound so far are the very same objects, or bound exactly as
     * before (an edit that changes no request, port or selector), their placements are kept and the next
     * one starts from the nodes as the previous pass left them. An edit of one DaemonSet among a hundred
     * then evaluates one, not a hundred.
     */
    public static Fleet evaluate(List<CompiledDaemonSet> daemonSets, Inventory inventory, PriorityClasses classes,
                                 Instant now, Fleet previous) {
        List<PriorityClasses.Priority> priorities = daemonSets.stream()
                .map(daemonSet -> classes.resolve(daemonSet.podSpec().priorityClassName())).toList();
        List<Integer> queue = new ArrayList<>();
        for (int i = 0; i < daemonSets.size(); i++) {
            queue.add(i);
        }
        // A stable sort: equal priorities keep the order given.
        queue.sort(Comparator.comparingInt(i -> -priorities.get(i).value()));
        Map<String, Resources> requests = new HashMap<>();
        daemonSets.forEach(daemonSet -> requests.put(daemonSet.namespace() + "/" + daemonSet.name(),
                daemonSet.requests().total()));

        boolean following = previous != null && previous.inventory() == inventory;
        NodeInfo[] room = null;
        Placement[] placements = new Placement[daemonSets.size()];
        for (int position = 0; position < queue.size(); position++) {
            int member = queue.get(position);
            CompiledDaemonSet daemonSet = daemonSets.get(member);
            PriorityClasses.Priority priority = priorities.get(member);
            Placement before = following && position < previous.bindingOrder().size()
                    ? previous.bindingOrder().get(position) : null;
            if (room == null && before != null && before.daemonSet().object().root() == daemonSet.object().root()
                    && before.priority().equals(priority)) {
                placements[member] = before;
                continue;
            }
            if (room == null) {
                room = following ? roomAt(previous, position) : initialRoom(daemonSets, inventory);
            }
            Placement placement = bind(daemonSet, priority, room, inventory, classes, requests, now);
            placements[member] = placement;
            if (before != null && bindsAlike(placement, before)) {
                // The rest met the nodes as they met them before: follow the previous pass again.
                room = null;
            } else {
                following = false;
            }
        }
        List<NodeInfo> after = room != null ? List.of(room) : following ? List.of(roomAt(previous, queue.size()))
                : List.of(initialRoom(daemonSets, inventory));
        List<Placement> inOrder = List.of(placements);
        return new Fleet(inventory, inOrder, queue.stream().map(i -> placements[i]).toList(), after);
    }

    /** The nodes as the previous pass left them for its {@code position}-th DaemonSet (or after its last). */
    private static NodeInfo[] roomAt(Fleet previous, int position) {
        if (position >= previous.bindingOrder().size()) {
            return previous.nodesAfter().toArray(NodeInfo[]::new);
        }
        List<NodePlacement> met = previous.bindingOrder().get(position).nodes();
        NodeInfo[] room = new NodeInfo[met.size()];
        for (int i = 0; i < room.length; i++) {
            room[i] = met.get(i).node();
        }
        return room;
    }

    /** The inventory's nodes without the pods of the DaemonSets previewed (their pods are bound afresh). */
    private static NodeInfo[] initialRoom(List<CompiledDaemonSet> daemonSets, Inventory inventory) {
        Map<String, List<Pod>> fleetPodsByNode = new HashMap<>();
        if (!inventory.pods().isEmpty()) {
            for (CompiledDaemonSet daemonSet : daemonSets) {
                DaemonSetController.daemonPodsByNode(daemonSet, inventory.pods()).forEach((node, list) ->
                        fleetPodsByNode.computeIfAbsent(node, n -> new ArrayList<>()).addAll(list));
            }
        }
        List<NodeInfo> nodes = inventory.nodes();
        NodeInfo[] room = new NodeInfo[nodes.size()];
        for (int i = 0; i < room.length; i++) {
            NodeInfo node = nodes.get(i);
            room[i] = node.without(fleetPodsByNode.getOrDefault(node.name(), List.of()));
        }
        return room;
    }

    /** Binds one DaemonSet's pods over the nodes as they are, leaving them with its pods (and without its victims). */
    private static Placement bind(CompiledDaemonSet daemonSet, PriorityClasses.Priority priority, NodeInfo[] room,
                                  Inventory inventory, PriorityClasses classes, Map<String, Resources> requests,
                                  Instant now) {
        Map<String, List<Pod>> ownPods = inventory.pods().isEmpty() ? Map.of()
                : DaemonSetController.daemonPodsByNode(daemonSet, inventory.pods());
        Pod daemonPod = daemonPod(daemonSet, priority.value());
        Resources request = daemonSet.requests().total();
        List<NodePlacement> verdicts = new ArrayList<>(room.length);
        for (int i = 0; i < room.length; i++) {
            NodeInfo node = room[i];
            int inventoryPods = ownPods.getOrDefault(node.name(), List.of()).size();
            DaemonSetController.ShouldRun decision = DaemonSetController.nodeShouldRunDaemonPod(daemonSet, node.node());
            if (!decision.shouldRun()) {
                verdicts.add(new NodePlacement(daemonSet, node, decision, false, inventoryPods));
                continue;
            }
            if (PlacementEvaluator.fits(daemonSet, node)) {
                verdicts.add(new NodePlacement(daemonSet, node, decision, true, inventoryPods));
                room[i] = node.with(daemonPod, request, daemonSet.hostPorts());
                continue;
            }
            List<Pod> victims = priority.preempts()
                    ? DefaultPreemption.selectVictimsOnNode(daemonSet, priority.value(), node, classes) : null;
            if (victims != null) {
                verdicts.add(NodePlacement.preempting(daemonSet, node, decision, inventoryPods,
                        victims.stream().map(Pod::qualifiedName).toList()));
                room[i] = node.without(victims).with(daemonPod, request, daemonSet.hostPorts());
                continue;
            }
            // Held by the others when the node as it is now, less their daemon pods, would take it.
            List<Pod> bound = node.pods().stream().filter(FleetEvaluator::isBoundByPreview).toList();
            List<String> heldBy = !bound.isEmpty() && PlacementEvaluator.fits(daemonSet, node.without(bound))
                    ? holders(daemonSet, node, bound, requests) : List.of();
            verdicts.add(NodePlacement.pending(daemonSet, node, decision, inventoryPods, heldBy));
        }
        DaemonSetStatus status = DaemonSetController.status(daemonSet, verdicts, ownPods, now);
        RolloutPreview rollout = RolloutPreview.of(daemonSet, status.desiredNumberScheduled());
        return new Placement(daemonSet, inventory, verdicts, status, rollout, priority, PlacementEvaluator.ASSUMPTIONS);
    }

    /** True when both placements bind the same pod (name, request, ports) to the same nodes with the same victims. */
    private static boolean bindsAlike(Placement placement, Placement before) {
        CompiledDaemonSet now = placement.daemonSet();
        CompiledDaemonSet then = before.daemonSet();
        if (!now.name().equals(then.name()) || !now.namespace().equals(then.namespace())
                || placement.priority().value() != before.priority().value()
                || !now.requests().total().equals(then.requests().total())
                || !now.hostPorts().stream().map(HostPortInfo.PortUse::port).toList()
                .equals(then.hostPorts().stream().map(HostPortInfo.PortUse::port).toList())) {
            return false;
        }
        for (int i = 0; i < placement.nodes().size(); i++) {
            NodePlacement a = placement.nodes().get(i);
            NodePlacement b = before.nodes().get(i);
            if ((a.runs() == NodePlacement.Runs.YES) != (b.runs() == NodePlacement.Runs.YES) || !a.victims().equals(b.victims())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pod the controller would create, as the scheduler's NodeInfo holds it once bound. It has no
     * source location, which no pod read from an inventory lacks: that tells the bound ones apart.
     */
    private static Pod daemonPod(CompiledDaemonSet daemonSet, int priority) {
        OwnerReference owner = new OwnerReference("apps/v1", "DaemonSet", daemonSet.name(), "", true);
        return new Pod(daemonSet.name(), daemonSet.namespace(), Map.of(), List.of(owner),
                daemonSet.podSpec().withPriority(priority), "Running", true, null, null, false, null);
    }

    private static boolean isBoundByPreview(Pod pod) {
        return pod.source() == null;
    }

    /**
     * The DaemonSets bound here before that take what this pod lacks: the holder of a wanted host port,
     * those requesting a resource that is short, or all of them when it is the pod count.
     */
    private static List<String> holders(CompiledDaemonSet daemonSet, NodeInfo node, List<Pod> bound,
                                        Map<String, Resources> requests) {
        Set<String> holders = new LinkedHashSet<>();
        for (NodePorts.Conflict conflict : NodePorts.conflicts(daemonSet.hostPorts(), node.usedPorts())) {
            for (Pod pod : bound) {
                if (pod.qualifiedName().equals(conflict.holder())) {
                    holders.add(pod.qualifiedName());
                }
            }
        }
        for (NodeResourcesFit.InsufficientResource missing : NodeResourcesFit.fitsRequest(daemonSet.requests().total(),
                node.node().allocatable(), node.requested(), node.podCount())) {
            for (Pod pod : bound) {
                Resources request = requests.get(pod.qualifiedName());
                if (Resources.PODS.equals(missing.resource()) || request != null && request.get(missing.resource()) > 0) {
                    holders.add(pod.qualifiedName());
                }
            }
        }
        if (holders.isEmpty()) {
            bound.forEach(pod -> holders.add(pod.qualifiedName()));
        }
        return List.copyOf(holders);
    }
}
