package dev.dsls.analysis;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parse, checks and placement of manifest files against a workspace inventory: the one place the
 * analysis is wired, for the CLI and the editor alike. It keeps what makes re-checking an edited file
 * cheap: placements per unchanged DaemonSet, and diagnostics per unchanged document.
 */
public final class Analysis {
    /** A document's diagnostics and the turned-off codes, Kubernetes version and inventory they were computed with. */
    private record Checked(Set<String> disabled, KubernetesVersion kubernetesVersion, Inventory inventory,
                           List<dev.dsls.inventory.PriorityClass> classes, List<Placement> placements,
                           List<Diagnostic> diagnostics) {
    }

    private final ManifestAnalyzer analyzer = new ManifestAnalyzer();
    private final PlacementCache placements = new PlacementCache();
    /**
     * Per file: the last diagnostics of each document, by its root node. The parser hands back the very
     * same root for a document whose text did not change, so identity is the key.
     */
    private final Map<String, Map<YNode, Checked>> checked = new ConcurrentHashMap<>();

    public Placement placement(ManifestObject daemonSet, Inventory inventory) {
        return placements.placement(daemonSet, inventory);
    }

    /** Where the DaemonSets previewed together come from (the workspace's files); asked on every use. */
    public void setFleetScope(java.util.function.Supplier<FleetScope> scope) {
        placements.setScope(scope);
    }

    /** The whole fleet over an inventory: every DaemonSet of the scope, previewed together. */
    public dev.dsls.scheduling.Fleet fleet(Inventory inventory) {
        return placements.fleet(inventory);
    }

    /**
     * Everything dsls reports for the file, document by document. A document the parser reused keeps its
     * diagnostics unless the turned-off codes, the Kubernetes version or the inventory changed, or the file
     * carries its own nodes (then every DaemonSet in it may place differently).
     */
    public List<Diagnostic> diagnostics(ManifestFile file, Inventory workspace, Set<String> disabled,
                                        KubernetesVersion kubernetesVersion) {
        List<Diagnostic> all = new ArrayList<>();
        YamlProblem encoding = file.encodingProblem();
        if (encoding != null) {
            all.add(new Diagnostic(Severity.ERROR, encoding.code(), encoding.message(), encoding.range(), null,
                    "Decode", Map.of()));
        }
        Inventory inventory = file.inventory(workspace);
        FleetScope scope = placements.scope();
        List<dev.dsls.diagnostics.ObjectCheck> checks = new ArrayList<>(List.of(new SurgeHostPortCheck(),
                new PriorityClassCheck(PlacementCache.priorityClasses(scope, inventory))));
        if (!inventory.isEmpty()) {
            checks.add(new PlacementCheck(inventory, placements));
        }
        CheckOptions options = new CheckOptions(disabled, checks, kubernetesVersion);
        Map<YNode, Checked> previous = file.ownNodes().isEmpty() ? checked.getOrDefault(file.uri(), Map.of()) : Map.of();
        Map<YNode, Checked> current = new IdentityHashMap<>();
        for (YamlDocument document : file.yaml().documents()) {
            Checked known = document.root() == null ? null : previous.get(document.root());
            // The fleet places a document's DaemonSets anew when another changes: the very same placements
            // (the fleet reuses those it can) mean the very same placement diagnostics.
            List<Placement> placed = inventory.isEmpty() ? List.of() : ManifestObject.daemonSets(document).stream()
                    .map(daemonSet -> placements.placement(daemonSet, inventory)).toList();
            List<Diagnostic> diagnostics = known != null && known.disabled().equals(options.disabledCodes())
                    && known.kubernetesVersion().equals(kubernetesVersion) && known.inventory() == inventory
                    && known.classes().equals(scope.priorityClasses()) && sameObjects(known.placements(), placed)
                    ? known.diagnostics() : analyzer.analyze(file.yaml(), document, options);
            if (document.root() != null) {
                current.put(document.root(), new Checked(options.disabledCodes(), kubernetesVersion, inventory,
                        scope.priorityClasses(), placed, diagnostics));
            }
            all.addAll(diagnostics);
        }
        checked.put(file.uri(), current);
        return all;
    }

    private static boolean sameObjects(List<Placement> a, List<Placement> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Drops what is kept for a file the editor closed. */
    public void forget(String uri) {
        checked.remove(uri);
    }
}
