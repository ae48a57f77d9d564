package dev.dsls.analysis;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.PriorityClass;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.Fleet;
import dev.dsls.scheduling.FleetEvaluator;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PriorityClasses;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The last placements, by identity: the parser reuses the nodes of documents an edit did not touch, so
 * diagnostics, code lens and hover over an unchanged fleet and inventory are evaluated once. A DaemonSet
 * of the {@link FleetScope} is previewed with the whole fleet (which an edit of any member evaluates
 * again); any other on its own. Weak keys let placements go with their documents and inventories.
 */
public final class PlacementCache {
    private record Alone(Inventory inventory, List<PriorityClass> classes, Placement placement) {
    }

    private record Together(FleetScope scope, Fleet fleet) {
    }

    private final Map<YMap, Alone> alone = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Inventory, Together> fleets = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Supplier<FleetScope> scope = () -> FleetScope.NONE;

    /** Where the fleet comes from: asked on every use, so it follows the workspace. */
    public void setScope(Supplier<FleetScope> fleetScope) {
        scope = fleetScope;
    }

    /** The scope as it is now: diagnostics computed under another scope may place differently. */
    public FleetScope scope() {
        return scope.get();
    }

    public Placement placement(ManifestObject daemonSet, Inventory inventory) {
        FleetScope current = scope.get();
        if (!current.alone() && current.contains(daemonSet)) {
            return fleet(current, inventory).placementOf(daemonSet.root());
        }
        Alone known = alone.get(daemonSet.root());
        if (known != null && known.inventory() == inventory && known.classes().equals(current.priorityClasses())) {
            return known.placement();
        }
        Placement placement = FleetEvaluator.evaluate(List.of(CompiledDaemonSet.of(daemonSet)), inventory,
                priorityClasses(current, inventory), Instant.now()).placements().get(0);
        alone.put(daemonSet.root(), new Alone(inventory, current.priorityClasses(), placement));
        return placement;
    }

    /** Every DaemonSet of the scope previewed together over the inventory: a fleet shares its nodes even when previews are alone. */
    public Fleet fleet(Inventory inventory) {
        FleetScope current = scope.get();
        return fleet(current.alone() ? new FleetScope(current.daemonSets(), current.priorityClasses(), false) : current,
                inventory);
    }

    private Fleet fleet(FleetScope current, Inventory inventory) {
        synchronized (fleets) {
            Together known = fleets.get(inventory);
            if (known != null && known.scope().sameAs(current)) {
                return known.fleet();
            }
            List<CompiledDaemonSet> compiled = new ArrayList<>(current.daemonSets().size());
            current.daemonSets().forEach(daemonSet -> compiled.add(CompiledDaemonSet.of(daemonSet)));
            // The last fleet over this inventory holds for every member bound before the first that changed.
            Fleet previous = known != null && known.scope().priorityClasses().equals(current.priorityClasses())
                    ? known.fleet() : null;
            Fleet fleet = FleetEvaluator.evaluate(compiled, inventory, priorityClasses(current, inventory), Instant.now(),
                    previous);
            fleets.put(inventory, new Together(current, fleet));
            return fleet;
        }
    }

    /** The cluster's classes (from the inventory) with the ones the manifests declare over them. */
    static PriorityClasses priorityClasses(FleetScope scope, Inventory inventory) {
        List<PriorityClass> all = new ArrayList<>(inventory.priorityClasses());
        all.addAll(scope.priorityClasses());
        return PriorityClasses.of(all);
    }
}
