package dev.dsls.scheduling;

import dev.dsls.schema.ManifestObject;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.analysis.ManifestAnalyzer;
import dev.dsls.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Small builders for placement tests: nodes and DaemonSets as the YAML a person writes. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private Fixtures() {
    }

    /** A DaemonSet "demo" whose template spec is the given YAML (indented as under spec.template.spec). */
    public static String daemonSet(String templateSpec) {
        return daemonSet("", templateSpec);
    }

    /** A DaemonSet with extra lines under spec (indented 2) and the given template spec. */
    public static String daemonSet(String specExtra, String templateSpec) {
        return "apiVersion: apps/v1\n"
                + "kind: DaemonSet\n"
                + "metadata:\n"
                + "  name: demo\n"
                + "spec:\n"
                + indent(specExtra, 2)
                + "  selector:\n"
                + "    matchLabels:\n"
                + "      app: demo\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      labels:\n"
                + "        app: demo\n"
                + "    spec:\n"
                + indent(templateSpec, 6)
                + "      containers:\n"
                + "      - name: demo\n"
                + "        image: busybox:1.36\n";
    }

    public static String indent(String text, int spaces) {
        if (text.isEmpty()) {
            return "";
        }
        String pad = " ".repeat(spaces);
        return text.lines().map(line -> pad + line).collect(Collectors.joining("\n")) + "\n";
    }

    /** A Node document: labels "k=v,k2=v2", taints "k=v:Effect,k2:Effect", allocatable cpu/memory/pods. */
    public static String node(String name, String labels, String taints) {
        return node(name, labels, taints, "cpu: \"8\"\n    memory: 16Gi\n    pods: \"110\"");
    }

    public static String node(String name, String labels, String taints, String allocatable) {
        StringBuilder out = new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name + "\n");
        if (!labels.isEmpty()) {
            out.append("  labels:\n");
            for (String label : labels.split(",")) {
                String[] kv = label.split("=", 2);
                out.append("    ").append(kv[0]).append(": \"").append(kv.length > 1 ? kv[1] : "").append("\"\n");
            }
        }
        if (!taints.isEmpty()) {
            out.append("spec:\n  taints:\n");
            for (String taint : taints.split(",")) {
                String[] keyValue = taint.substring(0, taint.lastIndexOf(':')).split("=", 2);
                out.append("  - key: ").append(keyValue[0]).append('\n');
                if (keyValue.length > 1) {
                    out.append("    value: \"").append(keyValue[1]).append("\"\n");
                }
                out.append("    effect: ").append(taint.substring(taint.lastIndexOf(':') + 1)).append('\n');
            }
        }
        out.append("status:\n  allocatable:\n    ").append(allocatable).append('\n');
        return out.toString();
    }

    public static Inventory inventory(String... documents) {
        return InventoryReader.read("nodes.yaml", String.join("---\n", documents).getBytes(StandardCharsets.UTF_8))
                .toInventory();
    }

    public static ManifestObject object(String manifest) {
        return ManifestObject.daemonSets(new YamlParser().parse(manifest).documents().get(0)).get(0);
    }

    public static CompiledDaemonSet spec(String manifest) {
        return CompiledDaemonSet.of(object(manifest));
    }

    public static Placement evaluate(String manifest, Inventory inventory) {
        return PlacementEvaluator.evaluate(spec(manifest), inventory, NOW);
    }

    /** The nodes that run the pod, by name. */
    public static List<String> running(Placement placement) {
        return placement.running().stream().map(NodePlacement::name).toList();
    }

    /** "code: message" of each reason of a node. */
    public static List<String> reasons(Placement placement, String node) {
        return placement.node(node).reasons().stream().map(r -> r.code().code() + ": " + r.message()).toList();
    }

    /** The reason codes of a node. */
    public static List<String> codes(Placement placement, String node) {
        return placement.node(node).reasons().stream().map(r -> r.code().code()).toList();
    }
}
