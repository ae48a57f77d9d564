package dev.dsls.analysis;

import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PlacementEvaluator;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YMap;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The last placement of each DaemonSet object, by identity: the parser reuses the nodes of documents an
 * edit did not touch, so diagnostics, code lens and hover of an unchanged DaemonSet over an unchanged
 * inventory are evaluated once. Weak keys let placements go with their documents.
 */
public final class PlacementCache {
    private final Map<YMap, Placement> last = Collections.synchronizedMap(new WeakHashMap<>());

    public Placement placement(ManifestObject daemonSet, Inventory inventory) {
        Placement known = last.get(daemonSet.root());
        if (known != null && known.inventory() == inventory) {
            return known;
        }
        Placement placement = PlacementEvaluator.evaluate(daemonSet, inventory);
        last.put(daemonSet.root(), placement);
        return placement;
    }
}
