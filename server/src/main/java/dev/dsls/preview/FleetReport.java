package dev.dsls.preview;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dsls.inventory.Resources;
import dev.dsls.scheduling.Fleet;
import dev.dsls.scheduling.Placement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The fleet as {@code dsls fleet} prints it and the server's {@code dsls/fleet} returns it: the budget
 * per pool, the templates, and each DaemonSet with its priority and counts. The JSON field names are a
 * public contract: fields may be added, never renamed.
 */
public final class FleetReport {
    /** Where a DaemonSet was read: the path shown, its URI and its 0-based line. */
    public record Source(String file, String uri, int line) {
    }

    private static final String[] SHOWN = {Resources.CPU, Resources.MEMORY};

    private FleetReport() {
    }

    public static JsonObject json(Fleet fleet, FleetBudget.Budget budget, Function<Placement, Source> sources) {
        JsonObject json = new JsonObject();
        json.addProperty("groupBy", budget.groupBy());
        JsonArray daemonSets = new JsonArray();
        for (Placement placement : fleet.bindingOrder()) {
            Source source = sources.apply(placement);
            JsonObject item = new JsonObject();
            item.addProperty("name", FleetBudget.qualified(placement));
            item.addProperty("file", source.file());
            item.addProperty("uri", source.uri());
            item.addProperty("line", source.line());
            item.addProperty("priority", placement.priority().value());
            item.addProperty("priorityClassName", placement.priority().className());
            item.addProperty("desired", placement.status().desiredNumberScheduled());
            item.addProperty("running", placement.running().size());
            item.addProperty("pending", placement.pending().size());
            item.addProperty("preempting", placement.preempting().size());
            daemonSets.add(item);
        }
        json.add("daemonSets", daemonSets);
        JsonArray groups = new JsonArray();
        for (FleetBudget.Group group : budget.groups()) {
            JsonObject item = new JsonObject();
            item.addProperty("key", group.key());
            item.addProperty("nodes", group.nodes());
            item.addProperty("templates", group.templates());
            item.addProperty("daemonPods", group.daemonPods());
            item.add("requests", quantities(group.requests(), false));
            item.add("requestsPerNode", quantities(group.requestsPerNode(), false));
            item.add("allocatable", quantities(group.allocatable(), true));
            item.add("allocatablePerNode", quantities(group.allocatablePerNode(), true));
            item.add("available", quantities(group.available(), false));
            item.add("availablePerNode", quantities(group.availablePerNode(), false));
            item.add("pending", pending(group.pending()));
            JsonArray preemptions = new JsonArray();
            for (FleetBudget.Preemption preemption : group.preemptions()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("daemonSet", preemption.daemonSet());
                entry.addProperty("nodes", preemption.nodes());
                entry.add("victims", PreviewJson.strings(preemption.victims()));
                preemptions.add(entry);
            }
            item.add("preemptions", preemptions);
            groups.add(item);
        }
        json.add("groups", groups);
        JsonArray templates = new JsonArray();
        for (FleetBudget.Template template : budget.templates()) {
            JsonObject item = new JsonObject();
            item.addProperty("name", template.name());
            item.addProperty("group", template.group());
            item.addProperty("fits", template.fits());
            item.addProperty("daemonPods", template.daemonPods());
            item.add("pending", pending(template.pending()));
            item.add("left", quantities(template.left(), false));
            templates.add(item);
        }
        json.add("templates", templates);
        return json;
    }

    private static JsonArray pending(List<FleetBudget.Pending> pending) {
        JsonArray list = new JsonArray();
        for (FleetBudget.Pending entry : pending) {
            JsonObject item = new JsonObject();
            item.addProperty("daemonSet", entry.daemonSet());
            item.addProperty("nodes", entry.nodes());
            item.addProperty("reason", entry.reason());
            item.add("heldBy", PreviewJson.strings(entry.heldBy()));
            item.add("examples", PreviewJson.strings(entry.examples()));
            list.add(item);
        }
        return list;
    }

    /** Quantity strings per resource ({@code 600m}, {@code 768Mi}); pod slots only where asked. */
    private static JsonObject quantities(Resources resources, boolean withPods) {
        JsonObject json = new JsonObject();
        for (String name : resources.names()) {
            if (withPods || !Resources.PODS.equals(name)) {
                json.addProperty(name, Resources.format(name, resources.get(name)));
            }
        }
        return json;
    }

    /** The kubectl-style table, the pending and preempted pods per pool, the DaemonSets and the templates. */
    public static String text(Fleet fleet, FleetBudget.Budget budget) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        long templates = budget.templates().size();
        int nodes = budget.groups().stream().mapToInt(FleetBudget.Group::nodes).sum();
        out.printf("fleet: %d DaemonSet%s over %,d node%s%s, grouped by %s%n%n", fleet.placements().size(),
                fleet.placements().size() == 1 ? "" : "s", nodes, nodes == 1 ? "" : "s",
                templates == 0 ? "" : String.format(" and %d template%s", templates, templates == 1 ? "" : "s"),
                budget.groupBy());
        TextTable table = new TextTable("POOL", "NODES", "DAEMON PODS", "CPU", "MEMORY", "LEFT", "PENDING");
        for (FleetBudget.Group group : budget.groups()) {
            if (group.nodes() == 0) {
                continue;
            }
            int pending = group.pending().stream().mapToInt(FleetBudget.Pending::nodes).sum();
            table.row(group.key(), group.nodes(), group.daemonPods(), share(group, Resources.CPU),
                    share(group, Resources.MEMORY), left(group.availablePerNode()), pending == 0 ? "-" : pending);
        }
        table.print(out);
        for (FleetBudget.Group group : budget.groups()) {
            for (FleetBudget.Pending pending : group.pending()) {
                out.printf("pending in %s: %s on %d node%s (%s%s)%n", group.key(), pending.daemonSet(), pending.nodes(),
                        pending.nodes() == 1 ? "" : "s", pending.reason(), pending.heldBy().isEmpty() ? ""
                                : "; room taken by " + String.join(", ", pending.heldBy()));
            }
            for (FleetBudget.Preemption preemption : group.preemptions()) {
                out.printf("preemption in %s: %s evicts %s on %d node%s%n", group.key(), preemption.daemonSet(),
                        String.join(", ", preemption.victims()), preemption.nodes(), preemption.nodes() == 1 ? "" : "s");
            }
        }
        out.println();
        TextTable daemonSets = new TextTable("DAEMONSET", "PRIORITY", "RUNS", "PENDING", "PREEMPTS");
        for (Placement placement : fleet.bindingOrder()) {
            String priority = placement.priority().className().isEmpty() ? String.valueOf(placement.priority().value())
                    : placement.priority().className() + " (" + placement.priority().value() + ")";
            daemonSets.row(FleetBudget.qualified(placement), priority, placement.running().size() + "/"
                    + placement.status().desiredNumberScheduled(), placement.pending().size(), placement.preempting().size());
        }
        daemonSets.print(out);
        if (!budget.templates().isEmpty()) {
            out.println();
            for (FleetBudget.Template template : budget.templates()) {
                out.printf("template %s (%s): %s; leaves %s%n", template.name(), template.group(), template.fits()
                        ? "every DaemonSet that wants it fits" : template.pending().stream().map(pending -> pending.daemonSet()
                        + " pending (" + pending.reason() + (pending.heldBy().isEmpty() ? "" : ", room taken by "
                        + String.join(", ", pending.heldBy())) + ")").reduce((a, b) -> a + "; " + b).orElse(""),
                        left(template.left()));
            }
        }
        out.flush();
        return buffer.toString();
    }

    /** "600m/1900m (32%)": the largest daemon total on one node against the smallest node's allocatable. */
    private static String share(FleetBudget.Group group, String resource) {
        long used = group.requestsPerNode().get(resource);
        long of = group.allocatablePerNode().get(resource);
        return Resources.format(resource, used) + "/" + Resources.format(resource, of)
                + (of > 0 ? String.format(" (%d%%)", Math.round(100.0 * used / of)) : "");
    }

    private static String left(Resources left) {
        StringBuilder text = new StringBuilder();
        for (String name : SHOWN) {
            text.append(text.length() == 0 ? "" : ", ").append(Resources.format(name, left.get(name)));
        }
        return text.toString();
    }
}
