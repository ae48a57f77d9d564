package dev.dsls.language;

import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.NodeLocator;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlPath;

/**
 * What a hover participant reads: the request, the Kubernetes version checked against, the cursor as the
 * indentation reads it (which works on YAML that does not parse), and, where the YAML parses, the node
 * under the cursor and the placement of its DaemonSet. The parsed parts are looked up once, on first use.
 */
final class HoverContext {
    private final FeatureRequest request;
    private final TextIndex index;
    private final CursorContext cursor;
    private final NodeFacts nodes;
    private final PlacementSource placements;
    private final KubernetesVersion kubernetesVersion;
    private boolean located;
    private ManifestObject daemonSet;
    private YamlPath path;

    HoverContext(FeatureRequest request, NodeFacts nodes, PlacementSource placements,
                 KubernetesVersion kubernetesVersion) {
        this.request = request;
        this.index = new TextIndex(request.file().text());
        this.cursor = CursorContext.at(index, request.position());
        this.nodes = nodes;
        this.placements = placements;
        this.kubernetesVersion = kubernetesVersion;
    }

    FeatureRequest request() {
        return request;
    }

    boolean markdown() {
        return request.client().markdown();
    }

    CursorContext cursor() {
        return cursor;
    }

    /** The text of the cursor's line. */
    String line() {
        return index.lineText(Math.min(request.position().line(), index.lineCount() - 1));
    }

    NodeFacts nodes() {
        return nodes;
    }

    KubernetesVersion kubernetesVersion() {
        return kubernetesVersion;
    }

    /** The DaemonSet under the cursor in the parsed document, or null. */
    ManifestObject daemonSet() {
        locate();
        return daemonSet;
    }

    /** The path under the cursor relative to its DaemonSet (as the API server prints fields), or null. */
    YamlPath path() {
        locate();
        return path;
    }

    Inventory inventory() {
        return placements.inventory(request.file());
    }

    Placement placement() {
        return placements.placement(request.file(), daemonSet());
    }

    private void locate() {
        if (located) {
            return;
        }
        located = true;
        YamlDocument document = request.file().yaml().documentAt(request.position());
        if (document == null || document.root() == null) {
            return;
        }
        YamlPath absolute = NodeLocator.locate(document.root(), request.position()).path();
        for (ManifestObject candidate : ManifestObject.daemonSets(document)) {
            if (absolute.startsWith(candidate.itemPath())) {
                daemonSet = candidate;
                path = absolute.relativeTo(candidate.itemPath());
                return;
            }
        }
    }
}
