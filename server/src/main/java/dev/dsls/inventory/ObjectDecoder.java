package dev.dsls.inventory;

import dev.dsls.yaml.ScalarKind;

import dev.dsls.yaml.YEntry;

import dev.dsls.diagnostics.Severity;
import dev.dsls.schema.Quantity;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Node, a Pod or a pod spec, given as a YAML tree (from the YAML parser, or pruned from JSON
 * by {@link JsonInventoryReader}), into the inventory model. Objects the API server would reject are
 * reported and left out; the rest of the file is still used.
 */
public final class ObjectDecoder {
    private static final Set<String> TAINT_EFFECTS = Set.of(Taint.NO_SCHEDULE, Taint.PREFER_NO_SCHEDULE, Taint.NO_EXECUTE);

    /** Receives the problems found while decoding. */
    @FunctionalInterface
    public interface ProblemSink {
        void report(Range range, Severity severity, String code, String message);
    }

    /** Thrown inside decoding to leave one object out. */
    private static final class Invalid extends Exception {
        final Range range;

        Invalid(Range range, String message) {
            super(message, null, false, false);
            this.range = range;
        }
    }

    private ObjectDecoder() {
    }

    /**
     * An item of a NodeList or PodList as the API server itself returns it (curl, client libraries):
     * without kind and apiVersion, which only kubectl adds. The list's kind says what the item is.
     */
    public static YMap withListKind(YMap item, String listKind) {
        String kind = "NodeList".equals(listKind) ? "Node" : "PodList".equals(listKind) ? "Pod" : null;
        if (kind == null || item.get("kind") != null) {
            return item;
        }
        List<YEntry> entries = new ArrayList<>(item.entries());
        entries.add(new YEntry(new YScalar(item.range(), "kind", ScalarKind.STRING, false),
                new YScalar(item.range(), kind, ScalarKind.STRING, false)));
        if (item.get("apiVersion") == null) {
            entries.add(new YEntry(new YScalar(item.range(), "apiVersion", ScalarKind.STRING, false),
                    new YScalar(item.range(), "v1", ScalarKind.STRING, false)));
        }
        return new YMap(item.range(), entries);
    }

    public static boolean isNode(YMap object) {
        return "Node".equals(object.text("kind")) && "v1".equals(object.text("apiVersion"));
    }

    public static boolean isPod(YMap object) {
        return "Pod".equals(object.text("kind")) && "v1".equals(object.text("apiVersion"));
    }

    public static boolean isPriorityClass(YMap object) {
        String apiVersion = object.text("apiVersion");
        return "PriorityClass".equals(object.text("kind")) && apiVersion != null
                && apiVersion.startsWith("scheduling.k8s.io/");
    }

    /** The PriorityClass, or null (reported) when it has no name or no integer value. */
    public static PriorityClass priorityClass(YMap object, String path, ProblemSink problems) {
        String name = name(object);
        Integer value = optionalInteger(object.text("value"));
        if (name == null || name.isEmpty() || value == null) {
            problems.report(at(object), Severity.ERROR, InventoryProblem.INVALID_PRIORITY_CLASS, String.format(
                    "This PriorityClass needs metadata.name and an integer value%s; it is left out.",
                    name == null || name.isEmpty() ? "" : " (" + name + ")"));
            return null;
        }
        String policy = object.text("preemptionPolicy");
        return new PriorityClass(name, value, "true".equals(object.text("globalDefault")),
                policy == null || policy.isEmpty() ? PriorityClass.PREEMPT_LOWER_PRIORITY : policy,
                new SourceLocation(path, object.range().start().line()));
    }

    /** The node, or null (reported) when the API server would not have it. */
    public static Node node(YMap object, String path, ProblemSink problems) {
        String name = name(object);
        boolean template = false;
        try {
            if (name == null || name.isEmpty()) {
                name = object.map("metadata") == null ? null : object.map("metadata").text("generateName");
                template = true;
            }
            if (name == null || name.isEmpty()) {
                throw new Invalid(at(object), "This Node has neither metadata.name nor metadata.generateName (a node"
                        + " template); it is left out of the inventory.");
            }
            YMap spec = object.map("spec");
            YMap status = object.map("status");
            List<Taint> taints = taints(spec == null ? null : spec.seq("taints"), name);
            YMap allocatableMap = status == null ? null : status.map("allocatable");
            Map<String, Quantity> allocatable = quantities(allocatableMap, "Node " + name, "status.allocatable");
            if (!allocatable.containsKey(Resources.PODS)) {
                YNode nameNode = object.map("metadata").get(template ? "generateName" : "name");
                problems.report(nameNode.range(), Severity.WARNING,
                        InventoryProblem.NO_POD_SLOTS, String.format("Node %s has no status.allocatable.pods, so the"
                                + " scheduler gives it 0 pod slots and no new pod fits there; add"
                                + " status.allocatable.pods (kubelets default to \"110\").", name));
            }
            boolean unschedulable = spec != null && "true".equals(spec.text("unschedulable"));
            return new Node(name, labels(object), taints, Resources.of(allocatable), unschedulable, template,
                    new SourceLocation(path, object.range().start().line()));
        } catch (Invalid e) {
            problems.report(e.range, Severity.ERROR, InventoryProblem.INVALID_NODE, e.getMessage());
            return null;
        }
    }

    /** The pod, or null (reported) when it cannot be read. */
    public static Pod pod(YMap object, String path, ProblemSink problems) {
        String name = name(object);
        try {
            if (name == null || name.isEmpty()) {
                throw new Invalid(at(object), "This Pod has no metadata.name; it is left out of the inventory.");
            }
            YMap metadata = object.map("metadata");
            YMap spec = object.map("spec");
            YMap status = object.map("status");
            PodSpec podSpec = podSpecOrThrow(spec, "Pod " + name);
            boolean ready = false;
            Instant readySince = null;
            YSeq conditions = status == null ? null : status.seq("conditions");
            if (conditions != null) {
                for (YNode item : conditions.items()) {
                    if (item instanceof YMap condition && "Ready".equals(condition.text("type"))) {
                        ready = "True".equals(condition.text("status"));
                        readySince = instant(condition.text("lastTransitionTime"));
                    }
                }
            }
            return new Pod(name, metadata.text("namespace"), stringMap(metadata.map("labels")),
                    owners(metadata.seq("ownerReferences")), podSpec, status == null ? "" : status.text("phase"),
                    ready, readySince, instant(metadata.text("creationTimestamp")),
                    metadata.text("deletionTimestamp") != null, new SourceLocation(path, object.range().start().line()));
        } catch (Invalid e) {
            problems.report(e.range, Severity.ERROR, InventoryProblem.INVALID_POD, e.getMessage());
            return null;
        }
    }

    /**
     * A pod spec (of a Pod, or of a DaemonSet's template). Values that do not parse are skipped here:
     * for a manifest, the schema checks already report them.
     */
    public static PodSpec podSpec(YMap spec) {
        try {
            return podSpecOrThrow(spec, null);
        } catch (Invalid e) {
            return PodSpec.EMPTY;
        }
    }

    private static PodSpec podSpecOrThrow(YMap spec, String owner) throws Invalid {
        if (spec == null) {
            return PodSpec.EMPTY;
        }
        YMap resources = spec.map("resources");
        return new PodSpec(containers(spec.seq("containers"), owner, "spec.containers"),
                containers(spec.seq("initContainers"), owner, "spec.initContainers"),
                "true".equals(spec.text("hostNetwork")),
                quantities(spec.map("overhead"), owner, "spec.overhead"),
                quantities(resources == null ? null : resources.map("requests"), owner, "spec.resources.requests"),
                quantities(resources == null ? null : resources.map("limits"), owner, "spec.resources.limits"),
                spec.text("nodeName"), affinityTargetNode(spec), spec.text("priorityClassName"),
                optionalInteger(spec.text("priority")));
    }

    private static List<Container> containers(YSeq list, String owner, String field) throws Invalid {
        if (list == null) {
            return List.of();
        }
        List<Container> containers = new ArrayList<>(list.items().size());
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof YMap container)) {
                continue;
            }
            String at = field + "[" + i + "]";
            YMap resources = container.map("resources");
            Map<String, Quantity> requests = quantities(resources == null ? null : resources.map("requests"), owner,
                    at + ".resources.requests");
            Map<String, Quantity> limits = quantities(resources == null ? null : resources.map("limits"), owner,
                    at + ".resources.limits");
            containers.add(new Container(container.text("name"), i, requests, limits, ports(container.seq("ports")),
                    container.text("restartPolicy")));
        }
        return containers;
    }

    private static List<ContainerPort> ports(YSeq list) {
        if (list == null) {
            return List.of();
        }
        List<ContainerPort> ports = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) {
            if (item instanceof YMap port) {
                ports.add(new ContainerPort(integer(port.text("containerPort")), integer(port.text("hostPort")),
                        port.text("hostIP"), port.text("protocol")));
            }
        }
        return ports;
    }

    /** The node of a single {@code matchFields: [{key: metadata.name, operator: In, values: [x]}]} term. */
    private static String affinityTargetNode(YMap spec) {
        YNode terms = dig(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms");
        if (!(terms instanceof YSeq seq)) {
            return "";
        }
        for (YNode term : seq.items()) {
            if (term instanceof YMap map && map.get("matchFields") instanceof YSeq fields) {
                for (YNode field : fields.items()) {
                    if (field instanceof YMap requirement && "metadata.name".equals(requirement.text("key"))
                            && "In".equals(requirement.text("operator"))
                            && requirement.get("values") instanceof YSeq values && values.items().size() == 1
                            && values.items().get(0) instanceof YScalar value) {
                        return value.value();
                    }
                }
            }
        }
        return "";
    }

    private static YNode dig(YMap map, String... keys) {
        YNode node = map;
        for (String key : keys) {
            if (!(node instanceof YMap current)) {
                return null;
            }
            node = current.get(key);
        }
        return node;
    }

    private static List<Taint> taints(YSeq list, String node) throws Invalid {
        if (list == null) {
            return List.of();
        }
        List<Taint> taints = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) {
            if (!(item instanceof YMap taint)) {
                throw new Invalid(at(item), "Node " + node + ": a taint must be a mapping with key and effect;"
                        + " the node is left out of the inventory.");
            }
            String key = taint.text("key");
            String effect = taint.text("effect");
            if (key == null || key.isEmpty()) {
                throw new Invalid(at(taint), "Node " + node + ": a taint needs a key; the node is left out of"
                        + " the inventory.");
            }
            if (effect == null || !TAINT_EFFECTS.contains(effect)) {
                YNode at = taint.get("effect") != null ? taint.get("effect") : taint;
                throw new Invalid(at(at), String.format("Node %s: taint %s has effect \"%s\"; it must be NoSchedule,"
                        + " PreferNoSchedule or NoExecute. The node is left out of the inventory.", node, key,
                        effect == null ? "" : effect));
            }
            taints.add(new Taint(key, taint.text("value"), effect));
        }
        return taints;
    }

    private static Map<String, Quantity> quantities(YMap map, String owner, String field) throws Invalid {
        if (map == null || map.entries().isEmpty()) {
            return Map.of();
        }
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        for (var entry : map.entries()) {
            String text = entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : null;
            try {
                if (text == null) {
                    throw new IllegalArgumentException("a quantity must be a number with an optional suffix");
                }
                quantities.put(entry.name(), Quantity.parse(text));
            } catch (IllegalArgumentException e) {
                if (owner == null) {
                    continue;
                }
                throw new Invalid(at(entry.value()), String.format("%s: %s.%s: %s. It is left out of the"
                        + " inventory.", owner, field, entry.name(), e.getMessage()));
            }
        }
        return quantities;
    }

    /**
     * Where to report a problem with a node of the tree: a scalar's own range, the first position of a
     * collection (whose end the fast readers do not track).
     */
    private static Range at(YNode node) {
        return node instanceof YScalar ? node.range() : new Range(node.range().start(), node.range().start());
    }

    private static String name(YMap object) {
        YMap metadata = object.map("metadata");
        return metadata == null ? null : metadata.text("name");
    }

    private static Map<String, String> labels(YMap object) {
        YMap metadata = object.map("metadata");
        return stringMap(metadata == null ? null : metadata.map("labels"));
    }

    private static Map<String, String> stringMap(YMap map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : map.entries()) {
            if (entry.value() instanceof YScalar scalar) {
                values.put(entry.name(), scalar.isNull() ? "" : scalar.value());
            }
        }
        return values;
    }

    private static List<OwnerReference> owners(YSeq list) {
        if (list == null) {
            return List.of();
        }
        List<OwnerReference> owners = new ArrayList<>();
        for (YNode item : list.items()) {
            if (item instanceof YMap owner) {
                owners.add(new OwnerReference(owner.text("apiVersion"), owner.text("kind"), owner.text("name"),
                        owner.text("uid"), "true".equals(owner.text("controller"))));
            }
        }
        return owners;
    }

    private static Integer optionalInteger(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int integer(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
