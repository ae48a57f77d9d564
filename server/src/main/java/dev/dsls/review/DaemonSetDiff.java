package dev.dsls.review;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCache;
import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.RolloutPreview;
import dev.dsls.schema.ManifestObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Compares the DaemonSets of manifest files at a base revision with the same files now: matched by
 * namespace/name across all the files (a DaemonSet may move between them), each placed over the
 * inventory, its pod template compared as the API server stores it, the rollout the change starts and
 * the checks of the API server's update validation.
 */
public final class DaemonSetDiff {
    private record Side(String path, ManifestObject object, Inventory inventory) {
    }

    private record Pace(Integer waves, Integer minimumDurationSeconds, String note) {
    }

    private DaemonSetDiff() {
    }

    /** The changes of the files' DaemonSets, placed over the workspace inventory (and each file's own nodes). */
    public static List<DaemonSetChange> compare(List<FileVersion> files, Inventory workspace) {
        PlacementCache cache = new PlacementCache();
        return compare(files, workspace, cache::placement, cache::placement);
    }

    /**
     * The changes of the files' DaemonSets: first those there now, in file and document order, then the
     * ones only the base has. A DaemonSet without a name is left out; of two with the same namespace/name
     * on one side the first counts.
     */
    public static List<DaemonSetChange> compare(List<FileVersion> files, Inventory workspace,
                                                BiFunction<ManifestObject, Inventory, Placement> basePlacements,
                                                BiFunction<ManifestObject, Inventory, Placement> currentPlacements) {
        Map<String, Side> base = new LinkedHashMap<>();
        Map<String, Side> current = new LinkedHashMap<>();
        for (FileVersion file : files) {
            collect(file.path(), file.base(), workspace, base);
            collect(file.path(), file.current(), workspace, current);
        }
        List<DaemonSetChange> changes = new ArrayList<>();
        current.forEach((key, now) -> changes.add(change(base.get(key), now, basePlacements, currentPlacements)));
        base.forEach((key, was) -> {
            if (!current.containsKey(key)) {
                changes.add(change(was, null, basePlacements, currentPlacements));
            }
        });
        return changes;
    }

    private static void collect(String path, ManifestFile file, Inventory workspace, Map<String, Side> into) {
        if (file == null) {
            return;
        }
        Inventory inventory = file.inventory(workspace);
        for (ManifestObject daemonSet : file.daemonSets()) {
            if (daemonSet.name() != null && !daemonSet.name().isEmpty()) {
                into.putIfAbsent(daemonSet.namespace() + "/" + daemonSet.name(), new Side(path, daemonSet, inventory));
            }
        }
    }

    private static DaemonSetChange change(Side was, Side now, BiFunction<ManifestObject, Inventory, Placement> basePlacements,
                                          BiFunction<ManifestObject, Inventory, Placement> currentPlacements) {
        Placement before = was == null ? null : basePlacements.apply(was.object(), was.inventory());
        Placement after = now == null ? null : currentPlacements.apply(now.object(), now.inventory());
        List<String> beforeNodes = running(before);
        List<String> afterNodes = running(after);
        Side any = now != null ? now : was;
        Placement anyPlacement = after != null ? after : before;
        Map<String, Object> oldForm = was == null ? null : CanonicalForm.daemonSet(was.object());
        Map<String, Object> newForm = now == null ? null : CanonicalForm.daemonSet(now.object());
        DaemonSetChange.Change kind = was == null ? DaemonSetChange.Change.ADDED
                : now == null ? DaemonSetChange.Change.REMOVED
                : oldForm.equals(newForm) ? DaemonSetChange.Change.UNCHANGED : DaemonSetChange.Change.MODIFIED;
        boolean templateChanged = was != null && now != null
                && !Objects.equals(CanonicalForm.template(oldForm), CanonicalForm.template(newForm));
        List<String> restarts = templateChanged ? common(afterNodes, beforeNodes) : List.of();
        CompiledDaemonSet compiled = anyPlacement.daemonSet();
        Pace pace = pace(kind, templateChanged, after, restarts.size());
        List<DaemonSetChange.UpdateError> errors = was != null && now != null
                ? updateErrors(oldForm, newForm, compiled, now.path()) : List.of();
        return new DaemonSetChange(compiled.name(), compiled.namespace(), any.path(), was == null ? null : was.path(),
                kind, anyPlacement.nodes().size(), beforeNodes, afterNodes, minus(afterNodes, beforeNodes),
                minus(beforeNodes, afterNodes), templateChanged, restarts, pace.waves(), pace.minimumDurationSeconds(),
                compiled.strategy(), pace.note(), errors, now == null ? null : now.object());
    }

    private static List<String> running(Placement placement) {
        return placement == null ? List.of() : placement.running().stream().map(NodePlacement::name).toList();
    }

    /** The names of {@code of} that {@code in} has too, in the order of {@code of}. */
    private static List<String> common(List<String> of, List<String> in) {
        Set<String> other = new HashSet<>(in);
        return of.stream().filter(other::contains).toList();
    }

    private static List<String> minus(List<String> of, List<String> without) {
        Set<String> other = new HashSet<>(without);
        return of.stream().filter(name -> !other.contains(name)).toList();
    }

    /**
     * The rollout over the nodes whose pod is replaced, by the new strategy: maxUnavailable and maxSurge
     * scale on the new desiredNumberScheduled (RolloutPreview), the waves count the replaced pods.
     */
    private static Pace pace(DaemonSetChange.Change kind, boolean templateChanged, Placement after, int restarts) {
        switch (kind) {
            case ADDED:
                return new Pace(0, 0, "new: the controller creates its pods on every node it runs on; nothing is replaced");
            case REMOVED:
                return new Pace(0, 0, "no longer in the files: kubectl apply leaves it in the cluster; deleting it"
                        + " (kubectl delete, or apply --prune) deletes its pods");
            default:
                break;
        }
        if (!templateChanged) {
            return new Pace(0, 0, "the pod template is unchanged: no pod is replaced");
        }
        CompiledDaemonSet daemonSet = after.daemonSet();
        RolloutPreview preview = RolloutPreview.of(daemonSet, after.status().desiredNumberScheduled());
        if (RolloutPreview.ON_DELETE.equals(preview.strategy())) {
            return new Pace(null, null, String.format("OnDelete: nothing happens until you delete the old pods; each"
                    + " deleted pod is replaced from the new template (%d pod%s on the old template)", restarts,
                    restarts == 1 ? "" : "s"));
        }
        if (preview.error() != null) {
            return new Pace(null, null, preview.error());
        }
        if (restarts == 0) {
            return new Pace(0, 0, "the pod template changed, but no node runs the old pod: nothing is replaced");
        }
        int maxSurge = preview.maxSurge();
        int maxUnavailable = preview.maxUnavailable();
        int perWave = maxSurge > 0 ? maxSurge : Math.max(1, maxUnavailable);
        int waves = (restarts + perWave - 1) / perWave;
        return new Pace(waves, waves * daemonSet.minReadySeconds(), String.format("RollingUpdate, maxUnavailable %d,"
                + " maxSurge %d: %s", maxUnavailable, maxSurge, preview.note()));
    }

    /**
     * What the API server's update validation rejects. Of DaemonSet's ValidateUpdate only the selector
     * check can fail for a manifest: ValidateObjectMetaUpdate guards name and namespace (the match key) and
     * server-set fields, ValidateDaemonSetSpecUpdate guards templateGeneration, which apps/v1 does not
     * have and the strategy copies from the stored object.
     */
    private static List<DaemonSetChange.UpdateError> updateErrors(Map<String, Object> oldForm,
                                                                  Map<String, Object> newForm,
                                                                  CompiledDaemonSet daemonSet, String path) {
        Object oldSelector = CanonicalForm.selector(oldForm);
        Object newSelector = CanonicalForm.selector(newForm);
        if (Objects.equals(oldSelector, newSelector)) {
            return List.of();
        }
        String message = String.format("field is immutable: the API server rejects this update, spec.selector"
                + " changes from %s to %s. Replace the DaemonSet instead, leaving its pods running: kubectl delete"
                + " daemonset %s -n %s --cascade=orphan && kubectl apply -f %s (the new DaemonSet adopts the old pods"
                + " its selector matches and replaces them; delete the others once its pods run)",
                CanonicalForm.selectorText(oldSelector), CanonicalForm.selectorText(newSelector), daemonSet.name(),
                daemonSet.namespace(), path);
        return List.of(new DaemonSetChange.UpdateError(DaemonSetChange.IMMUTABLE_SELECTOR, "spec.selector", "Invalid",
                message));
    }
}
