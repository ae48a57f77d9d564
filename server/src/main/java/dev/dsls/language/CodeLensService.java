package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.inventory.Inventory;
import dev.dsls.preview.PlacementSummary;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/** A lens over each DaemonSet: where it runs, complete without a resolve round trip. */
final class CodeLensService {
    /** The lens command; arguments {@code [uri, position]}. */
    static final String SHOW_PLACEMENT = "dsls.showPlacement";

    static final String LOADING = "placement: reading the node inventory…";

    private final PlacementSource placements;
    private final WorkspaceInventory inventory;

    CodeLensService(PlacementSource placements, WorkspaceInventory inventory) {
        this.placements = placements;
        this.inventory = inventory;
    }

    /** @param sinceHead per DaemonSet (by root), what changed since HEAD, appended to its lens */
    List<CodeLens> lenses(ManifestFile file, Map<YMap, String> sinceHead) {
        Inventory effective = placements.inventory(file);
        List<CodeLens> lenses = new ArrayList<>();
        for (ManifestObject daemonSet : file.daemonSets()) {
            String title = !effective.isEmpty() ? PlacementSummary.of(placements.placement(file, daemonSet))
                    : inventory.loaded() ? DaemonSetPlacementHover.NO_INVENTORY : LOADING;
            String delta = sinceHead.get(daemonSet.root());
            title = delta == null ? title : title + " · " + delta;
            Range at = daemonSet.headerRange();
            Command command = new Command(title, SHOW_PLACEMENT, List.of(file.uri(), LspRanges.toLsp(at.start())));
            lenses.add(new CodeLens(LspRanges.toLsp(at), command, null));
        }
        return lenses;
    }
}
