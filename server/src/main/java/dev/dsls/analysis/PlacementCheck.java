package dev.dsls.analysis;

import dev.dsls.diagnostics.DataKeys;

import dev.dsls.preview.PlacementSummary;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.NearMiss;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.NodeSelectorTerm;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PlacementEvaluator;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.RequiredNodeAffinity;
import dev.dsls.scheduling.Requirement;
import dev.dsls.scheduling.TaintToleration;
import dev.dsls.scheduling.Toleration;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryIndex;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.inventory.Taint;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement diagnostics of {@code check --nodes} and the editor: a DaemonSet that runs nowhere,
 * labels no node has (with "did you mean"), tolerations no taint needs, pods that stay Pending, and a
 * one-line summary on {@code kind: DaemonSet}.
 */
public final class PlacementCheck implements ObjectCheck {
    public static final String NO_NODES = "placement-no-nodes";
    public static final String UNKNOWN_LABEL = "placement-unknown-label";
    public static final String UNUSED_TOLERATION = "placement-unused-toleration";
    public static final String PENDING = "placement-pending";
    public static final String SUMMARY = "placement-summary";
    public static final String MIXED_PLATFORM = "placement-mixed-platform";
    private static final String OS = "kubernetes.io/os";
    private static final String ARCH = "kubernetes.io/arch";

    private static final int LISTED_NODES = 5;

    private final Inventory inventory;
    private final PlacementCache placements;

    public PlacementCheck(Inventory inventory, PlacementCache placements) {
        this.inventory = inventory;
        this.placements = placements;
    }

    public Inventory inventory() {
        return inventory;
    }

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        if (inventory.isEmpty()) {
            return;
        }
        Placement placement = placements.placement(daemonSet, inventory);
        Diagnostic summary = sink.report(Severity.INFORMATION, SUMMARY, daemonSet.headerRange(), "Placement: "
                + PlacementSummary.of(placement) + ".");
        tolerationNearMiss(placement).ifPresent(nearMiss -> sink.replaceLast(summary.withData(Map.of(
                DataKeys.TOLERATION, nearMiss.toleration().toString(), DataKeys.TAINT, nearMiss.message()))));
        if (placement.status().desiredNumberScheduled() == 0) {
            reportNoNodes(placement, sink);
        }
        reportUnknownLabels(placement.daemonSet(), sink);
        reportUnusedTolerations(placement.daemonSet(), sink);
        reportMixedPlatforms(placement, sink);
        if (!placement.pending().isEmpty()) {
            reportPending(placement, sink);
        }
    }

    /** The first excluded node that one added toleration would bring in, if any. */
    private static java.util.Optional<NearMiss> tolerationNearMiss(Placement placement) {
        return placement.excluded().stream().map(NodePlacement::nearMiss)
                .filter(nearMiss -> nearMiss != null && nearMiss.kind() == NearMiss.Kind.ADD_TOLERATION).findFirst();
    }

    private void reportNoNodes(Placement placement, DiagnosticSink sink) {
        // Mark the part of the manifest that excludes the most nodes.
        Map<YamlPath, Integer> byPath = new LinkedHashMap<>();
        for (NodePlacement node : placement.nodes()) {
            if (!node.reasons().isEmpty()) {
                byPath.merge(node.reasons().get(0).path(), 1, Integer::sum);
            }
        }
        YamlPath worst = byPath.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(CompiledDaemonSet.POD_SPEC);
        String message = String.format("This DaemonSet runs on none of the %d node%s in the inventory: %s.",
                inventory.size(), inventory.size() == 1 ? "" : "s", PlacementSummary.describe(placement.excluded()));
        sink.report(Severity.WARNING, NO_NODES, placement.daemonSet().object().rangeOf(worst, false), message);
    }

    private void reportUnknownLabels(CompiledDaemonSet spec, DiagnosticSink sink) {
        InventoryIndex index = inventory.index();
        for (RequiredNodeAffinity.SelectorEntry entry : spec.affinity().nodeSelector()) {
            checkLabel(spec, sink, entry.key(), List.of(entry.value()), entry.path(), List.of(entry.path()));
        }
        List<NodeSelectorTerm> terms = spec.affinity().terms();
        if (terms == null) {
            return;
        }
        for (NodeSelectorTerm term : terms) {
            for (Requirement requirement : term.expressions()) {
                if (requirement.parseError() != null) {
                    continue;
                }
                // NotIn and DoesNotExist hold for a missing label, so an unknown one there excludes nothing.
                switch (requirement.operator()) {
                    case In -> {
                        List<YamlPath> valuePaths = new ArrayList<>();
                        for (int i = 0; i < requirement.values().size(); i++) {
                            valuePaths.add(requirement.path().field("values").index(i));
                        }
                        checkLabel(spec, sink, requirement.key(), requirement.values(), requirement.path().field("key"),
                                valuePaths);
                    }
                    case Exists, Gt, Lt -> checkLabel(spec, sink, requirement.key(), List.of(),
                            requirement.path().field("key"), List.of());
                    default -> { }
                }
            }
            for (NodeSelectorTerm.FieldRequirement field : term.fields()) {
                if (field.parseError() == null && "metadata.name".equals(field.key()) && "In".equals(field.operator())
                        && index.nodeNames().stream().noneMatch(field.values().get(0)::equals)) {
                    String value = field.values().get(0);
                    report(sink, spec, Severity.WARNING, UNKNOWN_LABEL, field.path().field("values").index(0), true,
                            String.format("No node in the inventory is named %s.", value),
                            Suggestions.closest(value, index.nodeNames()));
                }
            }
        }
    }

    /**
     * Warns about a key no node has, or each value of it no node has. {@code keyPath} is a nodeSelector
     * entry (its key is marked) or an expression's {@code key} field (its value is marked).
     */
    private void checkLabel(CompiledDaemonSet spec, DiagnosticSink sink, String key, List<String> values, YamlPath keyPath,
                            List<YamlPath> valuePaths) {
        InventoryIndex index = inventory.index();
        if (!index.labelKeys().contains(key)) {
            String suggestion = Suggestions.closest(key, index.labelKeys());
            report(sink, spec, Severity.WARNING, UNKNOWN_LABEL, keyPath, !keyPath.last().mapKey(),
                    String.format("No node in the inventory has the label %s.", key), suggestion);
            return;
        }
        Map<String, Integer> known = index.labelValues(key);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!known.containsKey(value)) {
                List<String> shown = known.entrySet().stream().limit(5)
                        .map(e -> (e.getKey().isEmpty() ? "\"\"" : e.getKey()) + " (" + e.getValue() + ")").toList();
                report(sink, spec, Severity.WARNING, UNKNOWN_LABEL, valuePaths.get(i), true, String.format(
                        "No node in the inventory has %s=%s; the values of %s are %s%s.", key, value, key,
                        String.join(", ", shown), known.size() > 5 ? ", …" : ""), Suggestions.closest(value, known.keySet()));
            }
        }
    }

    private void report(DiagnosticSink sink, CompiledDaemonSet spec, Severity severity, String code, YamlPath path,
                        boolean valueRange, String message, String suggestion) {
        String text = suggestion == null ? message : message + " Did you mean " + suggestion + "?";
        Diagnostic diagnostic = sink.report(severity, code, spec.object().rangeOf(path, valueRange), text);
        if (suggestion != null) {
            sink.replaceLast(diagnostic.withData(Map.of(DataKeys.SUGGESTION, suggestion)));
        }
    }

    private void reportUnusedTolerations(CompiledDaemonSet spec, DiagnosticSink sink) {
        Map<Taint, List<String>> taints = inventory.index().taints();
        for (Toleration toleration : spec.userTolerations()) {
            if (TaintToleration.isTransient(toleration.key())) {
                continue;
            }
            boolean used = taints.keySet().stream().anyMatch(toleration::toleratesTaint);
            if (!used) {
                sink.report(Severity.INFORMATION, UNUSED_TOLERATION, spec.object().rangeOf(toleration.path(), true),
                        String.format("The toleration %s matches no taint on the %d node%s of the inventory%s.", toleration,
                                inventory.size(), inventory.size() == 1 ? "" : "s", taints.isEmpty() ? " (no node has a taint)"
                                        : "; the taints are " + String.join(", ", taints.keySet().stream().limit(5)
                                        .map(Taint::toString).toList())));
            }
        }
    }

    /**
     * A DaemonSet that lands on nodes of more than one OS (or CPU architecture) without choosing one: an
     * image runs on one OS, so the pods on the others crash-loop; for the architecture only multi-arch
     * images are spared.
     */
    private static void reportMixedPlatforms(Placement placement, DiagnosticSink sink) {
        for (String label : List.of(OS, ARCH)) {
            if (chooses(placement.daemonSet().affinity(), label)) {
                continue;
            }
            Map<String, Integer> values = new java.util.TreeMap<>();
            for (NodePlacement node : placement.nodes()) {
                if (node.desired()) {
                    values.merge(node.node().node().labels().getOrDefault(label, "(unlabelled)"), 1, Integer::sum);
                }
            }
            if (values.size() < 2) {
                continue;
            }
            String spread = String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
            String first = values.keySet().iterator().next();
            String message = label.equals(OS)
                    ? String.format("This DaemonSet would run on nodes of several operating systems: %s. A container image"
                    + " runs on one OS, so its pods fail on the others; add nodeSelector %s: %s (or the OS its image is"
                    + " built for).", spread, OS, first)
                    : String.format("This DaemonSet would run on nodes of several CPU architectures: %s. Unless every image"
                    + " is multi-arch, its pods fail with exec format errors on some; add nodeSelector %s: %s, or make"
                    + " sure the images are multi-arch.", spread, ARCH, first);
            sink.report(Severity.WARNING, MIXED_PLATFORM, placement.daemonSet().object().headerRange(), message);
        }
    }

    /** True when the nodeSelector or a required node affinity expression names the label. */
    private static boolean chooses(RequiredNodeAffinity affinity, String label) {
        if (affinity.nodeSelector().stream().anyMatch(entry -> entry.key().equals(label))) {
            return true;
        }
        return affinity.terms() != null && affinity.terms().stream()
                .anyMatch(term -> term.expressions().stream().anyMatch(requirement -> label.equals(requirement.key())));
    }

    private void reportPending(Placement placement, DiagnosticSink sink) {
        List<NodePlacement> pending = placement.pending();
        List<String> listed = new ArrayList<>();
        for (NodePlacement node : pending.subList(0, Math.min(LISTED_NODES, pending.size()))) {
            listed.add(node.name() + " (" + String.join("; ", node.reasons().stream().map(Reason::message).toList()) + ")");
        }
        String more = pending.size() > LISTED_NODES ? String.format(" and %d more", pending.size() - LISTED_NODES) : "";
        String message = String.format("%d of the %d desired pod%s will stay Pending: %s%s.", pending.size(),
                placement.status().desiredNumberScheduled(), placement.status().desiredNumberScheduled() == 1 ? "" : "s",
                String.join(", ", listed), more);
        YamlPath path = pending.get(0).reasons().isEmpty() ? CompiledDaemonSet.POD_SPEC : pending.get(0).reasons().get(0).path();
        sink.report(Severity.WARNING, PENDING, placement.daemonSet().object().rangeOf(path, true), message);
    }
}
