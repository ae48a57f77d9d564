package dev.dsls.language;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dsls.analysis.Analysis;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryProblem;
import dev.dsls.preview.FleetBudget;
import dev.dsls.preview.FleetReport;
import dev.dsls.preview.PreviewJson;
import dev.dsls.review.ChangeReview;
import dev.dsls.preview.PreviewText;
import dev.dsls.scheduling.Fleet;
import dev.dsls.scheduling.Placement;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YMap;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Hover;

/**
 * The language features of dsls behind one door, for the CLI and the language server alike: diagnostics,
 * placement previews, completion, hover, code lenses, quick fixes and document structure of the manifest
 * files of one {@link Workspace}. It holds no protocol state; it owns every cache.
 */
public final class DaemonSetLanguageService {
    /** The code lens command, {@code [uri, position]}: the client shows {@link #placementJson} for it. */
    public static final String SHOW_PLACEMENT = CodeLensService.SHOW_PLACEMENT;

    private final Workspace workspace = new Workspace();
    private final Analysis analysis = new Analysis();
    private final PlacementSource placements = new PlacementSource() {
        @Override
        public Inventory inventory(ManifestFile file) {
            return file.inventory(workspaceInventory());
        }

        @Override
        public Placement placement(ManifestFile file, ManifestObject daemonSet) {
            return analysis.placement(daemonSet, inventory(file));
        }
    };
    private final ChangeReview changes = new ChangeReview();
    private volatile boolean reviewAgainstHead;
    private final CompletionService completion = new CompletionService();
    private final HoverService hover = new HoverService(placements);
    private final CodeLensService codeLenses = new CodeLensService(placements, workspace.inventory());
    private final CodeActionService codeActions = new CodeActionService();
    private final StructureService structure = new StructureService();

    public DaemonSetLanguageService() {
        analysis.setFleetScope(workspace::fleetScope);
    }

    public Workspace workspace() {
        return workspace;
    }

    /**
     * Compares each file with its version at the git HEAD of its repository (the editor turns this on): the
     * lens then says what changed since, and an update the API server would reject is a diagnostic.
     */
    public void setReviewAgainstHead(boolean enabled) {
        reviewAgainstHead = enabled;
    }

    /** Everything dsls reports for the file: syntax, API validation, best practices and placement. */
    public List<Diagnostic> diagnostics(ManifestFile file) {
        List<Diagnostic> diagnostics = new ArrayList<>(analysis.diagnostics(file, workspaceInventory(),
                workspace.disabledChecks(), workspace.kubernetesVersion()));
        for (ChangeReview.Delta delta : sinceHead(file)) {
            delta.diagnostics().stream().filter(d -> !workspace.disabledChecks().contains(d.code())).forEach(diagnostics::add);
        }
        Map<String, Severity> severities = workspace.config().severities();
        if (severities.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().map(d -> severities.containsKey(d.code()) ? d.withSeverity(severities.get(d.code())) : d)
                .toList();
    }

    /** The inventory the file's DaemonSets are previewed against (the workspace's, with the file's own nodes). */
    public Inventory inventory(ManifestFile file) {
        return placements.inventory(file);
    }

    /** The placement of each DaemonSet of the file, or of the one at the position when it is given. */
    public List<PreviewText.Previewed> previews(ManifestFile file, Position position) {
        List<PreviewText.Previewed> previews = new ArrayList<>();
        for (ManifestObject daemonSet : file.daemonSetsAt(position)) {
            previews.add(new PreviewText.Previewed(file.path(), placements.placement(file, daemonSet)));
        }
        return previews;
    }

    /**
     * The object {@code dsls preview --format json} prints for the file (or the DaemonSet at the position),
     * with the inventory's size and the preview as text for clients that show it as it is.
     */
    public JsonObject placementJson(ManifestFile file, Position position) {
        List<PreviewText.Previewed> previews = previews(file, position);
        JsonObject json = PreviewJson.document(previews.stream()
                .map(preview -> PreviewJson.daemonSet(preview.placement(), file.uri())).toList());
        json.addProperty("inventoryNodes", inventory(file).size());
        json.addProperty("text", PreviewText.of(previews));
        return json;
    }

    /**
     * Every DaemonSet of the workspace previewed together over its inventory, budgeted per node pool
     * ({@code dsls fleet --format json}, the server's {@code dsls/fleet}), with the table as text.
     */
    public JsonObject fleetJson(String groupBy) {
        Fleet fleet = analysis.fleet(workspaceInventory());
        FleetBudget.Budget budget = FleetBudget.of(fleet, groupBy);
        JsonObject json = FleetReport.json(fleet, budget, placement -> {
            ManifestFile file = workspace.fileOf(placement.daemonSet().object().root());
            return new FleetReport.Source(file == null ? "" : file.path(), file == null ? "" : uriOf(file),
                    placement.daemonSet().object().root().range().start().line());
        });
        json.addProperty("inventory", String.join(", ", workspace.inventory().state().files().stream()
                .map(Path::toString).toList()));
        json.addProperty("text", FleetReport.text(fleet, budget));
        return json;
    }

    /** The file's URI; a file the CLI read by its path gets the file: URI of that path (stdin has none). */
    private static String uriOf(ManifestFile file) {
        if (file.uri().contains(":") || file.uri().startsWith("<")) {
            return file.uri().startsWith("<") ? "" : file.uri();
        }
        return Path.of(file.uri()).toAbsolutePath().normalize().toUri().toString();
    }

    /** Reads the DaemonSets and PriorityClasses of the editor's workspace folder again; true when they changed. */
    public boolean rescanFolder(Path root) {
        return workspace.rescanFolder(root);
    }

    /** The inventory in use: {@code {nodes, files, problems}} (the server's {@code dsls/inventory}). */
    public JsonObject inventorySummary() {
        WorkspaceInventory.State state = workspace.inventory().state();
        JsonObject json = new JsonObject();
        json.addProperty("nodes", state.inventory().size());
        JsonArray files = new JsonArray();
        state.files().forEach(file -> files.add(file.toString()));
        json.add("files", files);
        JsonArray problems = new JsonArray();
        for (InventoryProblem problem : state.problems()) {
            JsonObject item = new JsonObject();
            item.addProperty("path", problem.path());
            item.addProperty("line", problem.range().start().line() + 1);
            item.addProperty("severity", problem.severity().jsonName());
            item.addProperty("code", problem.code());
            item.addProperty("message", problem.message());
            problems.add(item);
        }
        json.add("problems", problems);
        return json;
    }

    public List<CompletionItem> completion(FeatureRequest request) {
        return completion.complete(request, facts(), workspace.kubernetesVersion());
    }

    public Hover hover(FeatureRequest request) {
        return hover.hover(request, facts(), workspace.kubernetesVersion());
    }

    public List<CodeLens> codeLenses(ManifestFile file) {
        Map<YMap, String> sinceHead = new IdentityHashMap<>();
        sinceHead(file).stream().filter(delta -> delta.lens() != null)
                .forEach(delta -> sinceHead.put(delta.daemonSet().root(), delta.lens()));
        return codeLenses.lenses(file, sinceHead);
    }

    /** The file's DaemonSets against HEAD; nothing unless turned on, for files on disk in a git repository. */
    private List<ChangeReview.Delta> sinceHead(ManifestFile file) {
        if (!reviewAgainstHead || !file.uri().startsWith("file:")) {
            return List.of();
        }
        try {
            return changes.againstHead(Path.of(URI.create(file.uri())), file, workspaceInventory(),
                    daemonSet -> placements.placement(file, daemonSet));
        } catch (RuntimeException e) {
            // an unreadable repository leaves the lens and diagnostics as they are without it
            return List.of();
        }
    }

    /** Quick fixes for the given diagnostics of the file (the client's, or all of the file's) in the range. */
    public List<CodeAction> codeActions(ManifestFile file, List<Diagnostic> diagnostics, Range range) {
        return codeActions.actions(file, diagnostics, range);
    }

    public List<DocumentSymbol> symbols(ManifestFile file) {
        return structure.symbols(file.yaml());
    }

    public List<FoldingRange> foldingRanges(ManifestFile file) {
        return structure.foldingRanges(file.yaml());
    }

    /** Forgets a file the editor closed. */
    public void close(String uri) {
        workspace.remove(uri);
        analysis.forget(uri);
        if (uri.startsWith("file:")) {
            changes.forget(Path.of(URI.create(uri)));
        }
    }

    /**
     * Runs the checks, completion and hover once on a small DaemonSet, so the first real requests do not
     * pay for class loading and the first compilations (the server calls it during the handshake).
     */
    public void warmUp(ClientFeatures client) {
        String demo = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: warm-up\nspec:\n"
                + "  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n"
                + "    spec:\n      nodeSelector:\n        kubernetes.io/os: linux\n      containers:\n"
                + "      - name: a\n        image: a:1\n";
        DaemonSetLanguageService scratch = new DaemonSetLanguageService();
        ManifestFile file = ManifestFile.edited("untitled:warm-up", 0, demo, null);
        scratch.diagnostics(file);
        for (int line : new int[] {1, 5, 12, 15, 16}) {
            FeatureRequest request = new FeatureRequest(file, new Position(line, 8), client);
            scratch.completion(request);
            scratch.hover(request);
        }
    }

    private Inventory workspaceInventory() {
        return workspace.inventory().state().inventory();
    }

    private NodeFacts facts() {
        return workspace.inventory().state().facts();
    }
}
