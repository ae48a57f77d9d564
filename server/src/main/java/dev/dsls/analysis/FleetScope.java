package dev.dsls.analysis;

import dev.dsls.inventory.PriorityClass;
import dev.dsls.schema.ManifestObject;
import java.util.List;

/**
 * What a DaemonSet is previewed with besides the inventory: the other DaemonSets sharing its nodes (the
 * CLI's files, the editor's workspace folder), in the order given, and the PriorityClasses declared
 * next to them. Alone, each DaemonSet is previewed on its own.
 */
public record FleetScope(List<ManifestObject> daemonSets, List<PriorityClass> priorityClasses, boolean alone) {
    public static final FleetScope NONE = new FleetScope(List.of(), List.of(), true);

    public FleetScope {
        daemonSets = List.copyOf(daemonSets);
        priorityClasses = List.copyOf(priorityClasses);
    }

    /** True when both scopes hold the very same DaemonSet objects and classes: placements made in one hold in the other. */
    public boolean sameAs(FleetScope other) {
        if (alone != other.alone || daemonSets.size() != other.daemonSets.size()
                || !priorityClasses.equals(other.priorityClasses)) {
            return false;
        }
        for (int i = 0; i < daemonSets.size(); i++) {
            if (daemonSets.get(i).root() != other.daemonSets.get(i).root()) {
                return false;
            }
        }
        return true;
    }

    /** True when the DaemonSet object (by identity) is one of the members. */
    public boolean contains(ManifestObject daemonSet) {
        for (ManifestObject member : daemonSets) {
            if (member.root() == daemonSet.root()) {
                return true;
            }
        }
        return false;
    }
}
