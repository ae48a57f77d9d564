package dev.dsls.diagnostics;

import dev.dsls.yaml.Range;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlPath;

/**
 * One Kubernetes object in a YAML document: the document's root, or an item of a {@code kind: List}.
 * Paths given to it are relative to the object, as the API server prints them.
 */
public record ManifestObject(YamlDocument document, YMap root, YamlPath itemPath) {
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
