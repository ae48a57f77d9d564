package dev.dsls.scheduling;

import dev.dsls.inventory.HostPortInfo;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YScalar;

/**
 * What an update of the DaemonSet would do (pkg/controller/daemon/update.go and daemonset util
 * UnavailableCount/SurgeCount): the effective maxUnavailable and maxSurge, the number of waves it
 * takes to replace every desired pod, and the least time that takes because of minReadySeconds.
 *
 * @param maxUnavailable      null for OnDelete or an invalid value
 * @param maxSurge            null for OnDelete or an invalid value
 * @param waves               null for OnDelete or an invalid value
 * @param minimumDurationSeconds waves × minReadySeconds; pod start-up time comes on top
 * @param note                how the strategy proceeds, in words
 * @param error               why the controller would fail to roll out, or null
 */
public record RolloutPreview(String strategy, Integer maxUnavailable, Integer maxSurge, Integer waves,
                             int minReadySeconds, Integer minimumDurationSeconds, String note, String error) {
    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String ON_DELETE = "OnDelete";

    /** The rollout of this DaemonSet over {@code desired} nodes. */
    public static RolloutPreview of(CompiledDaemonSet daemonSet, int desired) {
        int minReady = daemonSet.minReadySeconds();
        if (ON_DELETE.equals(daemonSet.strategy())) {
            return new RolloutPreview(ON_DELETE, null, null, null, minReady, null, "OnDelete: nothing happens until you"
                    + " delete a pod; the controller then replaces each deleted pod from the new template.", null);
        }
        if (!ROLLING_UPDATE.equals(daemonSet.strategy())) {
            return new RolloutPreview(daemonSet.strategy(), null, null, null, minReady, null, null, String.format(
                    "updateStrategy.type \"%s\" is not RollingUpdate or OnDelete", daemonSet.strategy()));
        }
        int maxUnavailable;
        int maxSurge;
        try {
            // Both default as SetDefaults_DaemonSet does; both scale on desiredNumberScheduled, rounding up.
            maxUnavailable = scaled(daemonSet.maxUnavailable(), 1, desired, "maxUnavailable");
            maxSurge = scaled(daemonSet.maxSurge(), 0, desired, "maxSurge");
        } catch (IllegalArgumentException e) {
            return new RolloutPreview(ROLLING_UPDATE, null, null, null, minReady, null, null, e.getMessage());
        }
        if (desired > 0 && maxUnavailable == 0 && maxSurge == 0) {
            // The controller's guard against an impossible configuration.
            maxUnavailable = 1;
        }
        HostPortInfo.PortUse blocked = maxSurge > 0 ? surgeBlockedBy(daemonSet) : null;
        if (blocked != null) {
            return new RolloutPreview(ROLLING_UPDATE, maxUnavailable, maxSurge, null, minReady, null, null, String.format(
                    "maxSurge %d with host port %d/%s: each surge pod stays Pending beside the old pod that holds the"
                            + " port, so the update never progresses", maxSurge, blocked.port().port(),
                    blocked.port().protocol()));
        }
        int perWave = maxSurge > 0 ? maxSurge : maxUnavailable;
        int waves = desired == 0 ? 0 : perWave <= 0 ? 0 : (desired + perWave - 1) / perWave;
        // One text for every view: with no node desired the strategy's pace says nothing.
        String note = desired == 0 ? "no node is desired, so there is nothing to roll out" : maxSurge > 0
                ? String.format("up to %d new pod%s start beside the old ones at a time; an old pod is deleted once its"
                + " replacement is available", maxSurge, maxSurge == 1 ? "" : "s")
                : String.format("up to %d node%s at a time lose their old pod before the new one starts", maxUnavailable,
                maxUnavailable == 1 ? "" : "s");
        return new RolloutPreview(ROLLING_UPDATE, maxUnavailable, maxSurge, waves, minReady, waves * minReady, note, null);
    }

    /**
     * The host port that stops a surging update, or null: with maxSurge above 0 (as written; a percentage
     * above 0% surges at least one pod) the new pod must bind a host port the old one still holds.
     */
    public static HostPortInfo.PortUse surgeBlockedBy(CompiledDaemonSet daemonSet) {
        if (!ROLLING_UPDATE.equals(daemonSet.strategy()) || daemonSet.hostPorts().isEmpty()) {
            return null;
        }
        try {
            return scaled(daemonSet.maxSurge(), 0, 100, "maxSurge") > 0 ? daemonSet.hostPorts().get(0) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * intstr.GetScaledValueFromIntOrPercent(value, total, roundUp=true): an int as is, "N%" of the total
     * rounded up; a string without % is an error.
     */
    static int scaled(YScalar value, int defaultValue, int total, String field) {
        if (value == null) {
            return defaultValue;
        }
        String text = value.value().strip();
        if (value.kind() == ScalarKind.INTEGER) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format("%s %s is not a valid integer", field, text));
            }
        }
        if (value.kind() == ScalarKind.STRING && text.endsWith("%")) {
            try {
                long percent = Integer.parseInt(text.substring(0, text.length() - 1));
                return (int) -Math.floorDiv(-percent * total, 100L);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format("%s \"%s\" is not a percentage", field, text));
            }
        }
        throw new IllegalArgumentException(String.format("%s \"%s\" is invalid: give an integer or a percentage such"
                + " as \"10%%\"", field, text));
    }
}
