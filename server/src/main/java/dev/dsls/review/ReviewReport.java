package dev.dsls.review;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The review of a change as {@code dsls diff} prints it: JSON (a public contract: fields may be added,
 * never renamed), lines of text per DaemonSet, or a Markdown table short enough for a pull-request
 * comment.
 */
public final class ReviewReport {
    private static final int TEXT_NODES = 5;
    private static final int MARKDOWN_NODES = 3;

    private final String base;
    private final List<DaemonSetChange> changes;
    private final int errors;

    /**
     * @param base    the revision compared with, as the user gave it
     * @param errors  how many errors the normal diagnostics found in the files as they are now
     */
    public ReviewReport(String base, List<DaemonSetChange> changes, int errors) {
        this.base = base;
        this.changes = List.copyOf(changes);
        this.errors = errors;
    }

    public List<DaemonSetChange> changes() {
        return changes;
    }

    public int updateErrors() {
        return changes.stream().mapToInt(change -> change.updateErrors().size()).sum();
    }

    /** How many running pods the changes replace (OnDelete ones included: they are replaced once deleted). */
    public int restarts() {
        return changes.stream().mapToInt(change -> change.restarts().size()).sum();
    }

    private long count(DaemonSetChange.Change kind) {
        return changes.stream().filter(change -> change.change() == kind).count();
    }

    // ---- JSON ----

    /** {@code {"base", "daemonSets": [{name, namespace, path, change, placement, rollout, updateErrors}], "summary"}}. */
    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("base", base);
        JsonArray list = new JsonArray();
        for (DaemonSetChange change : changes) {
            list.add(json(change));
        }
        root.add("daemonSets", list);
        JsonObject summary = new JsonObject();
        summary.addProperty("daemonSets", changes.size());
        for (DaemonSetChange.Change kind : DaemonSetChange.Change.values()) {
            summary.addProperty(kind.text(), count(kind));
        }
        summary.addProperty("restarts", restarts());
        summary.addProperty("updateErrors", updateErrors());
        summary.addProperty("errors", errors);
        root.add("summary", summary);
        return root;
    }

    private static JsonObject json(DaemonSetChange change) {
        JsonObject json = new JsonObject();
        json.addProperty("name", change.name());
        json.addProperty("namespace", change.namespace());
        json.addProperty("path", change.path());
        if (change.basePath() != null && !change.basePath().equals(change.path())) {
            json.addProperty("basePath", change.basePath());
        }
        json.addProperty("change", change.change().text());
        JsonObject placement = new JsonObject();
        placement.addProperty("nodes", change.nodes());
        placement.addProperty("before", change.before().size());
        placement.addProperty("after", change.after().size());
        placement.add("gained", strings(change.gained()));
        placement.add("lost", strings(change.lost()));
        json.add("placement", placement);
        JsonObject rollout = new JsonObject();
        rollout.addProperty("templateChanged", change.templateChanged());
        rollout.addProperty("restarts", change.restarts().size());
        rollout.addProperty("waves", change.waves());
        rollout.addProperty("minimumDurationSeconds", change.minimumDurationSeconds());
        rollout.addProperty("strategy", change.strategy());
        rollout.addProperty("note", change.note());
        json.add("rollout", rollout);
        JsonArray errors = new JsonArray();
        for (DaemonSetChange.UpdateError error : change.updateErrors()) {
            JsonObject item = new JsonObject();
            item.addProperty("code", error.code());
            item.addProperty("field", error.field());
            item.addProperty("reason", error.reason());
            item.addProperty("message", error.message());
            errors.add(item);
        }
        json.add("updateErrors", errors);
        return json;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    // ---- text ----

    /** Lines per DaemonSet (what it is, where it runs, what the rollout does, update errors), then a summary. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (DaemonSetChange change : changes) {
            out.append(change.path()).append(": DaemonSet ").append(change.namespace()).append('/')
                    .append(change.name()).append(": ").append(change.change().text());
            if (change.basePath() != null && !change.basePath().equals(change.path())) {
                out.append(" (moved from ").append(change.basePath()).append(')');
            }
            if (change.change() == DaemonSetChange.Change.UNCHANGED) {
                out.append(" · runs on ").append(ofNodes(change.after().size(), change.nodes())).append('\n');
                continue;
            }
            out.append('\n');
            out.append("  placement: ").append(placementText(change)).append('\n');
            out.append("  rollout: ").append(rolloutText(change)).append('\n');
            for (DaemonSetChange.UpdateError error : change.updateErrors()) {
                out.append("  update error: ").append(error.field()).append(": ").append(error.reason()).append(": ")
                        .append(error.message()).append(" [").append(error.code()).append("]\n");
            }
        }
        if (!changes.isEmpty()) {
            out.append('\n');
        }
        out.append(summaryText()).append('\n');
        return out.toString();
    }

    private static String placementText(DaemonSetChange change) {
        return switch (change.change()) {
            case ADDED -> "runs on " + ofNodes(change.after().size(), change.nodes())
                    + (change.after().isEmpty() ? "" : ": " + few(change.after(), TEXT_NODES));
            case REMOVED -> "ran on " + ofNodes(change.before().size(), change.nodes())
                    + (change.before().isEmpty() ? "" : ": " + few(change.before(), TEXT_NODES));
            default -> {
                if (change.gained().isEmpty() && change.lost().isEmpty()) {
                    yield "runs on " + ofNodes(change.after().size(), change.nodes()) + ", as before";
                }
                StringBuilder text = new StringBuilder("runs on " + change.before().size() + " → "
                        + ofNodes(change.after().size(), change.nodes()));
                if (!change.gained().isEmpty()) {
                    text.append(" · gained: ").append(few(change.gained(), TEXT_NODES));
                }
                if (!change.lost().isEmpty()) {
                    text.append(" · lost: ").append(few(change.lost(), TEXT_NODES));
                }
                yield text.toString();
            }
        };
    }

    private static String rolloutText(DaemonSetChange change) {
        if (!change.templateChanged() || change.restarts().isEmpty()) {
            return change.note();
        }
        int restarts = change.restarts().size();
        String pods = pods(restarts) + " (" + few(change.restarts(), TEXT_NODES) + ")";
        if (change.onDelete()) {
            return "template changed: " + pods + " keep the old template; " + change.note();
        }
        if (change.waves() == null) {
            return "template changed: " + pods + " to replace, but the rollout cannot start: " + change.note();
        }
        return "template changed: restarts " + pods + " in " + waves(change.waves()) + ", at least "
                + duration(change.minimumDurationSeconds()) + "; " + change.note();
    }

    private String summaryText() {
        if (changes.isEmpty()) {
            return "No DaemonSet in the files, at " + base + " or now" + errorsText();
        }
        List<String> kinds = new ArrayList<>();
        for (DaemonSetChange.Change kind : DaemonSetChange.Change.values()) {
            if (count(kind) > 0) {
                kinds.add(count(kind) + " " + kind.text());
            }
        }
        int updateErrors = updateErrors();
        return String.format("%d DaemonSet%s against %s: %s; %s restart%s; %d update error%s%s", changes.size(),
                changes.size() == 1 ? "" : "s", base, String.join(", ", kinds), pods(restarts()),
                restarts() == 1 ? "s" : "", updateErrors, updateErrors == 1 ? "" : "s", errorsText());
    }

    private String errorsText() {
        return String.format("; %d error%s in the files as they are now", errors, errors == 1 ? "" : "s");
    }

    // ---- Markdown ----

    /** A table with a row per DaemonSet, for a pull-request comment. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("#### dsls diff against `").append(base).append("`\n\n");
        if (!changes.isEmpty()) {
            out.append("| DaemonSet | change | nodes | gained | lost | restarts | waves | min. duration | update errors |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            for (DaemonSetChange change : changes) {
                out.append("| ").append(cell("`" + change.namespace() + "/" + change.name() + "`"))
                        .append(" | ").append(change.change().text())
                        .append(" | ").append(nodesCell(change))
                        .append(" | ").append(cell(listCell(change.gained())))
                        .append(" | ").append(cell(listCell(change.lost())))
                        .append(" | ").append(restartsCell(change))
                        .append(" | ").append(change.waves() == null ? "—" : change.waves().toString())
                        .append(" | ").append(change.minimumDurationSeconds() == null ? "—"
                                : duration(change.minimumDurationSeconds()))
                        .append(" | ").append(cell(errorsCell(change))).append(" |\n");
            }
            out.append('\n');
        }
        out.append(summaryText()).append(".\n");
        return out.toString();
    }

    private static String nodesCell(DaemonSetChange change) {
        int before = change.before().size();
        int after = change.after().size();
        return switch (change.change()) {
            case ADDED -> "— → " + after + " of " + change.nodes();
            case REMOVED -> before + " → — of " + change.nodes();
            default -> (before == after && change.gained().isEmpty() ? "" + after : before + " → " + after)
                    + " of " + change.nodes();
        };
    }

    private static String restartsCell(DaemonSetChange change) {
        int restarts = change.restarts().size();
        if (restarts == 0) {
            return "0";
        }
        return change.onDelete() ? restarts + " (OnDelete: when deleted)" : Integer.toString(restarts);
    }

    private static String listCell(List<String> nodes) {
        return nodes.isEmpty() ? "—" : few(nodes, MARKDOWN_NODES);
    }

    private static String errorsCell(DaemonSetChange change) {
        if (change.updateErrors().isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (DaemonSetChange.UpdateError error : change.updateErrors()) {
            parts.add(DaemonSetChange.IMMUTABLE_SELECTOR.equals(error.code())
                    ? "`" + error.field() + "` is immutable: delete with `--cascade=orphan`, then apply"
                    : "`" + error.field() + "`: " + error.reason());
        }
        return String.join("; ", parts);
    }

    /** A Markdown table cell: pipes escaped, one line. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // ---- shared wording ----

    /** "a, b, c" or "a, b, c, +2". */
    static String few(List<String> names, int shown) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown)) + ", +" + (names.size() - shown);
    }

    private static String ofNodes(int running, int nodes) {
        return running + " of " + nodes + " node" + (nodes == 1 ? "" : "s");
    }

    static String pods(int count) {
        return count + " pod" + (count == 1 ? "" : "s");
    }

    static String waves(int count) {
        return count + " wave" + (count == 1 ? "" : "s");
    }

    /** 0s, 45s, 2m30s, 1h5m. */
    static String duration(int seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }
}
