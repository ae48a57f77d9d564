package dev.dsls.lsp;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.Inventory;
import dev.dsls.language.ClientFeatures;
import dev.dsls.language.CodeActionService;
import dev.dsls.language.CompletionService;
import dev.dsls.language.HoverService;
import dev.dsls.language.NodeFacts;
import dev.dsls.language.StructureService;
import dev.dsls.validation.CheckOptions;
import dev.dsls.validation.ManifestAnalyzer;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YamlFile;
import java.util.List;
import java.util.Set;

/**
 * Everything the language server computes for a text, called directly (no JSON-RPC) for fuzzing: the
 * same services and placement code, with a workspace inventory.
 */
public final class ServerPipeline {
    private final Inventory inventory;
    private final NodeFacts facts;
    private final CompletionService completion = new CompletionService();
    private final HoverService hover = new HoverService();
    private final StructureService structure = new StructureService();
    private final CodeActionService codeActions = new CodeActionService();

    public ServerPipeline(Inventory inventory) {
        this.inventory = inventory;
        this.facts = WorkspaceInventory.facts(inventory);
    }

    /** Diagnostics with placement, as published for an open document. */
    public List<Diagnostic> diagnostics(String uri, YamlFile file) {
        return new ManifestAnalyzer().analyze(file, new CheckOptions(Set.of(), Placements.checks(uri, file, inventory)));
    }

    /** Code lenses, the dsls/placement preview, symbols, folding and quick fixes of the whole file. */
    public void documentFeatures(String uri, YamlFile file, List<Diagnostic> diagnostics) {
        Placements.codeLenses(uri, file, inventory);
        Placements.previewJson(uri, file, inventory, null);
        structure.symbols(file);
        structure.foldingRanges(file);
        codeActions.actions(uri, file, diagnostics, new Range(new Position(0, 0), file.index().positionAt(file.text().length())));
    }

    /** Completion, hover (with placement hover) and the placement preview at one position. */
    public void atPosition(String uri, YamlFile file, List<Diagnostic> diagnostics, Position position) {
        completion.complete(file.text(), position, facts, ClientFeatures.RICH);
        completion.complete(file.text(), position, facts, ClientFeatures.PLAIN);
        hover.hover(file.text(), position, facts, Placements.hover(uri, file, inventory),
                ClientFeatures.RICH);
        Placements.previewJson(uri, file, inventory, position);
        codeActions.actions(uri, file, diagnostics, new Range(position, position));
    }
}
