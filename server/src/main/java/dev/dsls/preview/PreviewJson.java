package dev.dsls.preview;

import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.DaemonSetStatus;
import dev.dsls.scheduling.NearMiss;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.RolloutPreview;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dsls.yaml.Range;

/**
 * The placement preview as JSON: the object {@code dsls preview --format json} prints and the language
 * server's {@code dsls/placement} request returns. The field names are a public contract: fields may be
 * added, never renamed.
 */
public final class PreviewJson {
    private PreviewJson() {
    }

    /** {@code {"daemonSets":[…]}} from previews already made into objects by {@link #daemonSet}. */
    public static JsonObject document(Iterable<JsonObject> daemonSets) {
        JsonArray list = new JsonArray();
        daemonSets.forEach(list::add);
        JsonObject root = new JsonObject();
        root.add("daemonSets", list);
        return root;
    }

    /** One DaemonSet's preview; {@code path} is the file as the caller names it. */
    public static JsonObject daemonSet(Placement placement, String path) {
        CompiledDaemonSet spec = placement.daemonSet();
        JsonObject json = new JsonObject();
        json.addProperty("name", spec.name());
        json.addProperty("namespace", spec.namespace());
        json.addProperty("path", path);
        json.add("range", range(spec.object().root().range()));
        json.addProperty("priorityClassName", placement.priority().className());
        json.addProperty("priority", placement.priority().value());
        json.add("status", status(placement.status()));
        json.add("rollout", rollout(placement.rollout()));
        JsonArray nodes = new JsonArray();
        for (NodePlacement node : placement.nodes()) {
            nodes.add(node(node, placement));
        }
        json.add("nodes", nodes);
        json.addProperty("summary", PlacementSummary.of(placement));
        json.addProperty("nodeSelector", spec.affinity().nodeSelectorText());
        json.add("assumptions", strings(placement.assumptions()));
        return json;
    }

    private static JsonObject status(DaemonSetStatus status) {
        JsonObject json = new JsonObject();
        json.addProperty("desiredNumberScheduled", status.desiredNumberScheduled());
        json.addProperty("currentNumberScheduled", status.currentNumberScheduled());
        json.addProperty("numberReady", status.numberReady());
        json.addProperty("numberAvailable", status.numberAvailable());
        json.addProperty("updatedNumberScheduled", status.updatedNumberScheduled());
        json.addProperty("numberMisscheduled", status.numberMisscheduled());
        json.addProperty("numberUnavailable", status.numberUnavailable());
        return json;
    }

    private static JsonObject rollout(RolloutPreview rollout) {
        JsonObject json = new JsonObject();
        json.addProperty("strategy", rollout.strategy());
        json.addProperty("maxUnavailable", rollout.maxUnavailable());
        json.addProperty("maxSurge", rollout.maxSurge());
        json.addProperty("waves", rollout.waves());
        json.addProperty("minReadySeconds", rollout.minReadySeconds());
        json.addProperty("minimumDurationSeconds", rollout.minimumDurationSeconds());
        json.addProperty("note", rollout.note());
        json.addProperty("error", rollout.error());
        return json;
    }

    private static JsonObject node(NodePlacement node, Placement placement) {
        JsonObject json = new JsonObject();
        json.addProperty("name", node.name());
        json.addProperty("desired", node.desired());
        json.addProperty("fits", node.fits());
        json.addProperty("runs", node.runs().text());
        if (node.template()) {
            json.addProperty("template", true);
        }
        if (!node.heldBy().isEmpty()) {
            json.add("heldBy", strings(node.heldBy()));
        }
        if (!node.victims().isEmpty()) {
            JsonObject preemption = new JsonObject();
            preemption.add("victims", strings(node.victims()));
            json.add("preemption", preemption);
        }
        JsonArray reasons = new JsonArray();
        for (Reason reason : node.reasons()) {
            JsonObject item = new JsonObject();
            item.addProperty("code", reason.code().code());
            item.addProperty("message", reason.message());
            item.addProperty("shortText", reason.shortText());
            item.add("range", range(placement.daemonSet().object().rangeOf(reason.path(), true)));
            reasons.add(item);
        }
        json.add("reasons", reasons);
        NearMiss nearMiss = node.nearMiss();
        if (nearMiss != null) {
            JsonObject item = new JsonObject();
            item.addProperty("change", nearMiss.kind().code());
            item.addProperty("message", nearMiss.message());
            if (nearMiss.labelKey() != null) {
                item.addProperty("key", nearMiss.labelKey());
            }
            if (nearMiss.labelValue() != null) {
                item.addProperty("value", nearMiss.labelValue());
            }
            if (nearMiss.toleration() != null) {
                JsonObject toleration = new JsonObject();
                toleration.addProperty("key", nearMiss.toleration().key());
                toleration.addProperty("operator", nearMiss.toleration().operator());
                if (!nearMiss.toleration().value().isEmpty()) {
                    toleration.addProperty("value", nearMiss.toleration().value());
                }
                toleration.addProperty("effect", nearMiss.toleration().effect());
                item.add("toleration", toleration);
            }
            json.add("nearMiss", item);
        }
        if (node.daemonPods() > 0) {
            json.addProperty("daemonPods", node.daemonPods());
        }
        return json;
    }

    static JsonArray strings(Iterable<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** An LSP range: 0-based lines and UTF-16 characters. */
    public static JsonObject range(Range range) {
        JsonObject json = new JsonObject();
        json.add("start", position(range.start().line(), range.start().character()));
        json.add("end", position(range.end().line(), range.end().character()));
        return json;
    }

    private static JsonObject position(int line, int character) {
        JsonObject json = new JsonObject();
        json.addProperty("line", line);
        json.addProperty("character", character);
        return json;
    }

    /** Pretty-printed, as the CLI prints it (null fields left out). */
    public static String toText(JsonObject json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json);
    }
}
