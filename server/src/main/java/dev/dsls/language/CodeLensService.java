package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.inventory.Inventory;
import dev.dsls.preview.PlacementSummary;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.Range;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/** A lens over each DaemonSet: where it runs, complete without a resolve round trip. */
final class CodeLensService {
    /** The lens command; arguments {@code [uri, position]}. */
    static final String SHOW_PLACEMENT = "dsls.showPlacement";

    private final PlacementSource placements;

    CodeLensService(PlacementSource placements) {
        this.placements = placements;
    }

    List<CodeLens> lenses(ManifestFile file) {
        Inventory inventory = placements.inventory(file);
        List<CodeLens> lenses = new ArrayList<>();
        for (ManifestObject daemonSet : file.daemonSets()) {
            String title = inventory.isEmpty() ? DaemonSetPlacementHover.NO_INVENTORY
                    : PlacementSummary.of(placements.placement(file, daemonSet));
            Range at = daemonSet.headerRange();
            Command command = new Command(title, SHOW_PLACEMENT, List.of(file.uri(), LspRanges.toLsp(at.start())));
            lenses.add(new CodeLens(LspRanges.toLsp(at), command, null));
        }
        return lenses;
    }
}
