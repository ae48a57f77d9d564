package dev.dsls.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.dsls.yaml.Range;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlPath;

/**
 * One Kubernetes object in a YAML document: the document's root, or an item of a {@code kind: List}.
 * Paths given to it are relative to the object, as the API server prints them.
 */
public record ManifestObject(YamlDocument document, YMap root, YamlPath itemPath) {
    /** DaemonSet API versions Kubernetes stopped serving in 1.16: recognised so they can be reported. */
    public static final Set<String> RETIRED_DAEMONSET_API_VERSIONS = Set.of("extensions/v1beta1", "apps/v1beta1",
            "apps/v1beta2");

    /** The DaemonSet objects of a document: its root, or the DaemonSet items of a List. */
    public static List<ManifestObject> daemonSets(YamlDocument document) {
        YMap root = document.rootMap();
        if (root == null) {
            return List.of();
        }
        if (isDaemonSet(root)) {
            return List.of(new ManifestObject(document, root, YamlPath.ROOT));
        }
        String kind = root.text("kind");
        List<ManifestObject> items = new ArrayList<>();
        if (kind != null && kind.endsWith("List") && root.get("items") instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                if (seq.items().get(i) instanceof YMap item && isDaemonSet(item)) {
                    items.add(new ManifestObject(document, item, YamlPath.ROOT.field("items").index(i)));
                }
            }
        }
        return items;
    }

    private static boolean isDaemonSet(YMap map) {
        String apiVersion = map.text("apiVersion");
        return "DaemonSet".equals(map.text("kind"))
                && ("apps/v1".equals(apiVersion) || apiVersion != null && RETIRED_DAEMONSET_API_VERSIONS.contains(apiVersion));
    }

    public String apiVersion() {
        return root.text("apiVersion");
    }

    public String kind() {
        return root.text("kind");
    }

    public String name() {
        YMap metadata = root.map("metadata");
        return metadata == null ? null : metadata.text("name");
    }

    public String namespace() {
        YMap metadata = root.map("metadata");
        String namespace = metadata == null ? null : metadata.text("namespace");
        return namespace == null ? "default" : namespace;
    }

    public YNode at(YamlPath path) {
        return path.resolve(root);
    }

    public YNode at(String path) {
        return at(YamlPath.parse(path));
    }

    /** The range to mark for a problem at a path (the nearest present parent for an absent field). */
    public Range rangeOf(YamlPath path, boolean valueRange) {
        return path.rangeIn(root, valueRange);
    }

    /** The range of the object's {@code kind} value, where object-wide findings are shown. */
    public Range headerRange() {
        YNode kind = root.get("kind");
        return kind != null ? kind.range() : root.range();
    }
}
