package dev.dsls.review;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YamlPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a change does to one DaemonSet (matched by namespace/name between the base and the current
 * files) over the inventory: where it runs before and after, whether the pod template changed (so the
 * controller makes a new revision and replaces the pods), which pods that replaces and in how many
 * waves, and what the API server would reject on update.
 *
 * @param path                   the file the DaemonSet is in now (where it was, when removed)
 * @param basePath               the file it was in at the base (null when added); differs from path when it moved
 * @param nodes                  how many nodes the inventory has
 * @param before                 the nodes the pod runs on at the base (empty when added)
 * @param after                  the nodes the pod runs on after the change (empty when removed)
 * @param restarts               the nodes whose running pod is replaced: before ∩ after when the template changed
 * @param waves                  waves of the new strategy over the restarts; null for OnDelete or an invalid strategy
 * @param minimumDurationSeconds waves × minReadySeconds; null when waves is
 * @param strategy               the update strategy that applies (the new one; the old one when removed)
 * @param note                   how the rollout proceeds, in words
 * @param current                the DaemonSet in the current file, or null when removed
 */
public record DaemonSetChange(String name, String namespace, String path, String basePath, Change change, int nodes,
                              List<String> before, List<String> after, List<String> gained, List<String> lost,
                              boolean templateChanged, List<String> restarts, Integer waves,
                              Integer minimumDurationSeconds, String strategy, String note,
                              List<UpdateError> updateErrors, ManifestObject current) {
    /** The diagnostic code of an update the API server rejects because spec.selector changed. */
    public static final String IMMUTABLE_SELECTOR = "immutable-selector";

    public DaemonSetChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        restarts = List.copyOf(restarts);
        updateErrors = List.copyOf(updateErrors);
    }

    /** How the DaemonSet differs between the base and now. */
    public enum Change {
        ADDED, REMOVED, MODIFIED, UNCHANGED;

        /** The lower-case name used in JSON and text. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the API server's update validation rejects (DaemonSet strategy ValidateUpdate with
     * ValidateDaemonSetUpdate): the field as it prints it, its error type and the message with the fix.
     */
    public record UpdateError(String code, String field, String reason, String message) {
    }

    /** True when the pods keep the old template until someone deletes them. */
    public boolean onDelete() {
        return "OnDelete".equals(strategy);
    }

    /** The update errors as diagnostics on the current file (empty when the DaemonSet was removed). */
    public List<Diagnostic> diagnostics() {
        if (current == null) {
            return List.of();
        }
        return updateErrors.stream().map(error -> new Diagnostic(Severity.ERROR, error.code(), error.message(),
                current.rangeOf(YamlPath.parse(error.field()), false), error.field(), error.reason(), Map.of())).toList();
    }
}
