package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import dev.dsls.schema.ManifestObject;

/** The placements features show: each DaemonSet of a file over the inventory the file is previewed against. */
interface PlacementSource {
    Inventory inventory(ManifestFile file);

    Placement placement(ManifestFile file, ManifestObject daemonSet);
}
