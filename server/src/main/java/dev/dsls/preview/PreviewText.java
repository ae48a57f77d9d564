package dev.dsls.preview;

import dev.dsls.scheduling.DaemonSetStatus;
import dev.dsls.scheduling.NearMiss;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.RolloutPreview;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The placement preview as text, the way {@code dsls preview} prints it and {@code dsls/placement}
 * returns it for editors that show it as is: the status as kubectl shows it, one row per node, near
 * misses and the rollout.
 */
public final class PreviewText {
    /** One previewed DaemonSet with the file it came from. */
    public record Previewed(String path, Placement placement) {
    }

    private PreviewText() {
    }

    public static String of(List<Previewed> previews) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        print(out, previews);
        out.flush();
        return text.toString();
    }

    public static void print(PrintWriter out, List<Previewed> previews) {
        if (previews.isEmpty()) {
            out.println("No DaemonSet found.");
        }
        boolean first = true;
        for (Previewed preview : previews) {
            if (!first) {
                out.println();
            }
            first = false;
            print(out, preview);
        }
    }

    private static void print(PrintWriter out, Previewed preview) {
        Placement placement = preview.placement();
        if (placement.inventory().isEmpty()) {
            out.printf("%s: DaemonSet %s/%s: no node inventory to preview it against (--nodes FILE, or"
                    + " .dsls/inventory.yaml in the workspace)%n", preview.path(), placement.daemonSet().namespace(),
                    placement.daemonSet().name());
            return;
        }
        out.printf("%s: DaemonSet %s/%s over %d node%s%n", preview.path(), placement.daemonSet().namespace(),
                placement.daemonSet().name(), placement.nodes().size(), placement.nodes().size() == 1 ? "" : "s");
        DaemonSetStatus status = placement.status();
        TextTable summary = new TextTable("NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE",
                "NODE SELECTOR");
        summary.row(placement.daemonSet().name(), status.desiredNumberScheduled(), status.currentNumberScheduled(),
                status.numberReady(), status.updatedNumberScheduled(), status.numberAvailable(),
                placement.daemonSet().affinity().nodeSelectorText());
        summary.print(out);
        out.println();
        TextTable nodes = new TextTable("NODE", "RUNS", "REASON");
        List<String> nearMisses = new ArrayList<>();
        for (NodePlacement node : placement.nodes()) {
            List<Reason> reasons = node.reasons();
            String reason = reasons.isEmpty() ? "" : reasons.get(0).code().code() + ": " + reasons.get(0).message()
                    + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
            nodes.row(node.name(), node.runs().text(), reason);
            NearMiss nearMiss = node.nearMiss();
            if (nearMiss != null) {
                nearMisses.add(node.name() + ": " + nearMiss.message());
            }
        }
        nodes.print(out);
        for (String nearMiss : nearMisses) {
            out.println("near miss: " + nearMiss);
        }
        out.println("rollout: " + describe(placement.rollout()));
    }

    static String describe(RolloutPreview rollout) {
        if (rollout.error() != null) {
            return rollout.strategy() + ": " + rollout.error();
        }
        if (rollout.waves() == null) {
            return rollout.note();
        }
        if (rollout.waves() == 0) {
            return rollout.strategy() + ": no node is desired, so there is nothing to roll out";
        }
        return String.format("%s, maxUnavailable %d, maxSurge %d: %d wave%s, at least %ds (minReadySeconds %d); %s",
                rollout.strategy(), rollout.maxUnavailable(), rollout.maxSurge(), rollout.waves(),
                rollout.waves() == 1 ? "" : "s", rollout.minimumDurationSeconds(), rollout.minReadySeconds(), rollout.note());
    }
}
