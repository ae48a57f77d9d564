package dev.dsls.scheduling;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.NodeInfo;
import dev.dsls.yaml.YMap;
import java.util.List;

/**
 * DaemonSets previewed together over one inventory ({@link FleetEvaluator}).
 *
 * @param placements   one per DaemonSet, in the order given
 * @param bindingOrder the same placements in the order their pods were bound (priority, then order given)
 * @param nodesAfter   each node of the inventory (in its order) once every daemon pod that fits is bound and
 *                     every victim evicted: what is left there for workloads
 */
public record Fleet(Inventory inventory, List<Placement> placements, List<Placement> bindingOrder,
                    List<NodeInfo> nodesAfter) {
    public Fleet {
        placements = List.copyOf(placements);
        bindingOrder = List.copyOf(bindingOrder);
        nodesAfter = List.copyOf(nodesAfter);
    }

    /** The placement of the DaemonSet with this object, by identity, or null when it is not a member. */
    public Placement placementOf(YMap daemonSet) {
        for (Placement placement : placements) {
            if (placement.daemonSet().object().root() == daemonSet) {
                return placement;
            }
        }
        return null;
    }
}
