package dev.dsls.lsp;

import com.google.gson.JsonObject;
import dev.dsls.diagnostics.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.inventory.Taint;
import dev.dsls.language.HoverService;
import dev.dsls.language.LspRanges;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PlacementCheck;
import dev.dsls.scheduling.PlacementEvaluator;
import dev.dsls.scheduling.PlacementSummary;
import dev.dsls.scheduling.PreviewJson;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.Toleration;
import dev.dsls.validation.ManifestAnalyzer;
import dev.dsls.yaml.NodeLocator;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * The placement preview in the editor: the placement checks, code lenses, hovers and the
 * {@code dsls/placement} object, each over the workspace inventory with the file's own Node documents
 * laid over it (a file with nodes in it is a self-contained what-if).
 */
final class Placements {
    private static final String NO_INVENTORY = "placement: no node inventory · add .dsls/inventory.yaml or set dsls.inventory";

    private Placements() {
    }

    /** A file's own nodes, by parse: read once per version of the file. */
    private static final Map<YamlFile, Inventory> OWN_NODES = Collections.synchronizedMap(new WeakHashMap<>());
    /** A what-if file's nodes laid over the workspace inventory they were merged with. */
    private static final Map<YamlFile, Map.Entry<Inventory, Inventory>> MERGED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The inventory a file is previewed against: the workspace's, overridden by the file's own nodes. */
    static Inventory effectiveInventory(String uri, YamlFile file, Inventory workspace) {
        Inventory own = ownNodes(uri, file);
        if (own.isEmpty()) {
            return workspace;
        }
        Map.Entry<Inventory, Inventory> merged = MERGED.get(file);
        if (merged == null || merged.getKey() != workspace) {
            merged = Map.entry(workspace, workspace.overriddenBy(own));
            MERGED.put(file, merged);
        }
        return merged.getValue();
    }

    private static Inventory ownNodes(String uri, YamlFile file) {
        return OWN_NODES.computeIfAbsent(file, f -> InventoryReader.fromManifest(displayPath(uri), f).toInventory());
    }

    /** True when the file holds Node or Pod documents of its own (a what-if). */
    static boolean hasOwnNodes(String uri, YamlFile file) {
        return !ownNodes(uri, file).isEmpty();
    }

    static List<ObjectCheck> checks(String uri, YamlFile file, Inventory workspace) {
        Inventory inventory = effectiveInventory(uri, file, workspace);
        return inventory.isEmpty() ? List.of() : List.of(new PlacementCheck(inventory));
    }

    /** The preview object of the file, or only of the DaemonSet at the position when one is given. */
    static JsonObject previewJson(String uri, YamlFile file, Inventory workspace, Position position) {
        Inventory inventory = effectiveInventory(uri, file, workspace);
        List<JsonObject> previews = new ArrayList<>();
        for (ManifestObject daemonSet : daemonSets(file, position)) {
            previews.add(PreviewJson.daemonSet(PlacementEvaluator.evaluate(daemonSet, inventory), uri));
        }
        JsonObject json = PreviewJson.document(previews);
        json.addProperty("inventoryNodes", inventory.size());
        return json;
    }

    static List<CodeLens> codeLenses(String uri, YamlFile file, Inventory workspace) {
        Inventory inventory = effectiveInventory(uri, file, workspace);
        List<CodeLens> lenses = new ArrayList<>();
        for (ManifestObject daemonSet : daemonSets(file, null)) {
            String title = inventory.isEmpty() ? NO_INVENTORY
                    : PlacementSummary.of(PlacementEvaluator.evaluate(daemonSet, inventory));
            Range at = daemonSet.headerRange();
            Command command = new Command(title, DslsLanguageServer.SHOW_PLACEMENT,
                    List.of(uri, LspRanges.toLsp(at.start())));
            lenses.add(new CodeLens(LspRanges.toLsp(at), command, null));
        }
        return lenses;
    }

    /**
     * Hover for placement: on {@code kind: DaemonSet} or the name, the per-node summary; on a toleration
     * or a required node affinity expression, the nodes it lets in or keeps out.
     */
    static HoverService.PlacementHover hover(String uri, YamlFile file, Inventory workspace) {
        return (text, position, context, markdown) -> {
            YamlDocument document = file.documentAt(position);
            if (document == null || document.root() == null) {
                return null;
            }
            List<ManifestObject> daemonSets = ManifestAnalyzer.daemonSets(document);
            if (daemonSets.isEmpty()) {
                return null;
            }
            NodeLocator.Location location = NodeLocator.locate(document.root(), position);
            String path = location.path().toString();
            ManifestObject daemonSet = daemonSets.get(0);
            Inventory inventory = effectiveInventory(uri, file, workspace);
            if (path.equals("kind") || path.equals("metadata.name")) {
                return inventory.isEmpty() ? NO_INVENTORY : summary(PlacementEvaluator.evaluate(daemonSet, inventory), markdown);
            }
            if (inventory.isEmpty()) {
                return null;
            }
            YamlPath toleration = enclosing(location.path(), "tolerations");
            if (toleration != null) {
                return tolerationHover(PlacementEvaluator.evaluate(daemonSet, inventory), toleration, markdown);
            }
            YamlPath expression = enclosing(location.path(), "matchExpressions");
            if (expression == null) {
                expression = enclosing(location.path(), "matchFields");
            }
            if (expression != null && path.contains("requiredDuringSchedulingIgnoredDuringExecution")) {
                return expressionHover(PlacementEvaluator.evaluate(daemonSet, inventory), expression, markdown);
            }
            return null;
        };
    }

    private static String summary(Placement placement, boolean markdown) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "**Placement** · " : "Placement · ").append(PlacementSummary.of(placement)).append("\n\n");
        for (NodePlacement node : placement.nodes().subList(0, Math.min(placement.nodes().size(), 30))) {
            out.append(markdown ? "- `" + node.name() + "` " : "- " + node.name() + " ").append(node.runs().text());
            if (!node.reasons().isEmpty()) {
                out.append(": ").append(node.reasons().get(0).message());
            }
            if (node.nearMiss() != null) {
                out.append(markdown ? " _(near miss: " : " (near miss: ").append(node.nearMiss().message())
                        .append(markdown ? ")_" : ")");
            }
            out.append('\n');
        }
        if (placement.nodes().size() > 30) {
            out.append("- … ").append(placement.nodes().size() - 30).append(" more nodes\n");
        }
        var status = placement.status();
        out.append(String.format("%nDESIRED %d · CURRENT %d · READY %d · UP-TO-DATE %d · AVAILABLE %d",
                status.desiredNumberScheduled(), status.currentNumberScheduled(), status.numberReady(),
                status.updatedNumberScheduled(), status.numberAvailable()));
        return out.toString();
    }

    private static String tolerationHover(Placement placement, YamlPath itemPath, boolean markdown) {
        Toleration toleration = placement.daemonSet().tolerations().stream()
                .filter(t -> itemPath.equals(t.path())).findFirst().orElse(null);
        if (toleration == null) {
            return null;
        }
        List<String> tolerated = new ArrayList<>();
        for (var entry : placement.inventory().index().taints().entrySet()) {
            Taint taint = entry.getKey();
            if (toleration.toleratesTaint(taint)) {
                tolerated.add(taint + " on " + String.join(", ", entry.getValue()));
            }
        }
        String head = (markdown ? "**Toleration** `" + toleration + "`" : "Toleration " + toleration) + "\n\n";
        return head + (tolerated.isEmpty() ? "Tolerates no taint of the inventory's nodes."
                : "Tolerates " + String.join("; ", tolerated) + ".");
    }

    private static String expressionHover(Placement placement, YamlPath itemPath, boolean markdown) {
        List<String> admitted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (NodePlacement node : placement.nodes()) {
            boolean blockedHere = node.reasons().stream().map(Reason::path)
                    .anyMatch(path -> path != null && path.toString().startsWith(itemPath.toString()));
            (blockedHere ? excluded : admitted).add(node.name());
        }
        String head = markdown ? "**Node affinity expression**\n\n" : "Node affinity expression\n\n";
        return head + String.format("Admits %d of %d nodes%s%s", admitted.size(), placement.nodes().size(),
                admitted.isEmpty() ? "." : ": " + limited(admitted) + ".",
                excluded.isEmpty() ? "" : "\n\nExcludes: " + limited(excluded) + ".");
    }

    private static String limited(List<String> names) {
        return names.size() <= 20 ? String.join(", ", names) : String.join(", ", names.subList(0, 20)) + ", …";
    }

    /** The path of the list item under the named list that encloses the path, e.g. tolerations[1]. */
    private static YamlPath enclosing(YamlPath path, String listName) {
        List<YamlPath.Segment> segments = path.segments();
        for (int i = segments.size() - 2; i >= 0; i--) {
            YamlPath.Segment segment = segments.get(i);
            if (!segment.isIndex() && listName.equals(segment.key()) && segments.get(i + 1).isIndex()) {
                YamlPath prefix = YamlPath.ROOT;
                for (int j = 0; j <= i + 1; j++) {
                    YamlPath.Segment step = segments.get(j);
                    prefix = step.isIndex() ? prefix.index(step.index()) : prefix.field(step.key());
                }
                return prefix;
            }
        }
        return null;
    }

    private static List<ManifestObject> daemonSets(YamlFile file, Position position) {
        List<ManifestObject> found = new ArrayList<>();
        for (YamlDocument document : file.documents()) {
            for (ManifestObject daemonSet : ManifestAnalyzer.daemonSets(document)) {
                if (position == null || daemonSet.root().range().contains(position)
                        || (document == file.documentAt(position) && ManifestAnalyzer.daemonSets(document).size() == 1)) {
                    found.add(daemonSet);
                }
            }
        }
        return found;
    }

    /** A file URI as a path for messages; other URIs as they are. */
    static String displayPath(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Path.of(parsed).toString() : uri;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return uri;
        }
    }

}
