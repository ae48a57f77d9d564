package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.NOW;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.PriorityClass;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * DaemonSets previewed together: bound by priority, then in the order given; who holds the room; and
 * preemption as DefaultPreemption's SelectVictimsOnNode does it.
 */
class FleetEvaluatorTest {
    private static final String SMALL = "cpu: 1000m\n    memory: 1Gi\n    pods: \"10\"";

    /** A DaemonSet of this name with one container requesting cpu and memory, and optional template lines. */
    static String daemonSet(String name, String cpu, String memory, String templateExtra) {
        return "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: " + name + "\n  namespace: kube-system\n"
                + "spec:\n  selector:\n    matchLabels: {app: " + name + "}\n  template:\n    metadata:\n"
                + "      labels: {app: " + name + "}\n    spec:\n" + Fixtures.indent(templateExtra, 6)
                + "      containers:\n      - name: " + name + "\n        image: example.com/" + name + ":1\n"
                + "        resources:\n          requests: {cpu: " + cpu + ", memory: " + memory + "}\n";
    }

    static String pod(String name, String node, String cpu, int priority) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: apps\nspec:\n  nodeName: "
                + node + "\n  priority: " + priority + "\n  containers:\n  - name: app\n    image: app:1\n"
                + "    resources:\n      requests: {cpu: " + cpu + "}\nstatus:\n  phase: Running\n";
    }

    private static Fleet fleet(Inventory inventory, List<PriorityClass> classes, String... daemonSets) {
        List<CompiledDaemonSet> compiled = java.util.Arrays.stream(daemonSets).map(Fixtures::spec).toList();
        return FleetEvaluator.evaluate(compiled, inventory, PriorityClasses.of(classes), NOW);
    }

    /** "node|runs|heldBy|victims" per node of the DaemonSet, the house style for verdicts. */
    private static List<String> verdicts(Placement placement) {
        return placement.nodes().stream().map(node -> node.name() + "|" + node.runs().text() + "|"
                + String.join(",", node.heldBy()) + "|" + String.join(",", node.victims())).toList();
    }

    @Test
    void twoThatFitAloneButNotTogetherLeaveTheSecondPendingAndNameTheHolder() {
        Inventory nodes = inventory(node("small", "", "", SMALL));
        Fleet fleet = fleet(nodes, List.of(), daemonSet("cni", "600m", "100Mi", ""),
                daemonSet("logs", "600m", "100Mi", ""));

        assertEquals(List.of("small|yes||"), verdicts(fleet.placements().get(0)));
        assertEquals(List.of("small|pending|kube-system/cni|"), verdicts(fleet.placements().get(1)));
        NodePlacement pending = fleet.placements().get(1).node("small");
        assertEquals("resources|needs cpu 600m, 400m free (allocatable 1, 600m requested by the pods already there);"
                + " it would fit alone, but the room is held by the daemon pods of kube-system/cni, bound first"
                + " (higher priority, or earlier in the order given)", pending.reasons().stream()
                .map(r -> r.code().code() + "|" + r.message()).collect(Collectors.joining("\n")));
    }

    @Test
    void eachAloneFitsWhereTogetherOneWaits() {
        Inventory nodes = inventory(node("small", "", "", SMALL));
        Placement logsAlone = PlacementEvaluator.evaluate(Fixtures.spec(daemonSet("logs", "600m", "100Mi", "")), nodes, NOW);
        assertEquals(List.of("small|yes||"), verdicts(logsAlone));
    }

    @Test
    void higherPriorityIsBoundFirstWhateverTheOrderGiven() {
        Inventory nodes = inventory(node("small", "", "", SMALL));
        Fleet fleet = fleet(nodes, List.of(), daemonSet("logs", "600m", "100Mi", ""),
                daemonSet("cni", "600m", "100Mi", "priorityClassName: system-node-critical\n"));

        assertEquals(List.of("small|pending|kube-system/cni|"), verdicts(fleet.placements().get(0)));
        assertEquals(List.of("small|yes||"), verdicts(fleet.placements().get(1)));
        assertEquals(List.of("cni", "logs"), fleet.bindingOrder().stream().map(p -> p.daemonSet().name()).toList());
        assertEquals(2_000_001_000, fleet.placements().get(1).priority().value());
    }

    @Test
    void aSystemNodeCriticalPodPreemptsALowerPriorityPodAndNamesIt() {
        Inventory nodes = inventory(node("small", "", "", SMALL), pod("batch-1", "small", "900m", 0),
                pod("web-1", "small", "50m", 1000));
        Fleet fleet = fleet(nodes, List.of(), daemonSet("cni", "500m", "100Mi",
                "priorityClassName: system-node-critical\n"));

        // Both pods are lower; removing all lets it fit, web-1 (more important) is reprieved, batch-1 goes.
        assertEquals(List.of("small|yes||apps/batch-1"), verdicts(fleet.placements().get(0)));
        assertEquals(1, fleet.placements().get(0).preempting().size());
        assertEquals(List.of("apps/web-1", "kube-system/cni"), fleet.nodesAfter().get(0).pods().stream()
                .map(dev.dsls.inventory.Pod::qualifiedName).toList());
    }

    @Test
    void anEqualPriorityPodFindsNoVictimsAndStaysPending() {
        Inventory nodes = inventory(node("small", "", "", SMALL), pod("batch-1", "small", "900m", 2_000_001_000));
        Fleet fleet = fleet(nodes, List.of(), daemonSet("cni", "500m", "100Mi",
                "priorityClassName: system-node-critical\n"));

        assertEquals(List.of("small|pending||"), verdicts(fleet.placements().get(0)));
    }

    @Test
    void aPriorityClassOfTheManifestsGivesTheValueAndNeverForbidsPreempting() {
        Inventory nodes = inventory(node("small", "", "", SMALL), pod("batch-1", "small", "900m", 0));
        PriorityClass agents = new PriorityClass("node-agents", 100_000, false, PriorityClass.NEVER, null);
        PriorityClass critical = new PriorityClass("agents-critical", 100_000, false,
                PriorityClass.PREEMPT_LOWER_PRIORITY, null);

        Fleet never = fleet(nodes, List.of(agents), daemonSet("logs", "500m", "100Mi", "priorityClassName: node-agents\n"));
        Fleet preempts = fleet(nodes, List.of(critical), daemonSet("logs", "500m", "100Mi",
                "priorityClassName: agents-critical\n"));

        assertEquals(List.of("small|pending||"), verdicts(never.placements().get(0)));
        assertEquals(100_000, never.placements().get(0).priority().value());
        assertEquals(List.of("small|yes||apps/batch-1"), verdicts(preempts.placements().get(0)));
    }

    @Test
    void aGlobalDefaultClassGivesItsValueToPodsWithoutAClassName() {
        PriorityClass low = new PriorityClass("low-default", 10, true, PriorityClass.PREEMPT_LOWER_PRIORITY, null);
        PriorityClass high = new PriorityClass("high-default", 500, true, PriorityClass.PREEMPT_LOWER_PRIORITY, null);
        PriorityClasses classes = PriorityClasses.of(List.of(high, low));

        assertEquals("low-default|10", classes.resolve("").className() + "|" + classes.resolve("").value());
        assertEquals(false, classes.resolve("nope").known());
    }

    @Test
    void aNodeTemplateIsPreviewedButNeverCounted() {
        String template = "apiVersion: v1\nkind: Node\nmetadata:\n  generateName: pool-a-\nstatus:\n  allocatable:\n"
                + "    cpu: \"4\"\n    memory: 8Gi\n    pods: \"110\"\n";
        Inventory nodes = inventory(node("a-1", "", ""), template);
        Placement placement = fleet(nodes, List.of(), daemonSet("cni", "100m", "100Mi", "")).placements().get(0);

        assertEquals(List.of("a-1|yes||", "pool-a-|yes||"), verdicts(placement));
        assertEquals(List.of("pool-a-"), placement.templates().stream().map(NodePlacement::name).toList());
        assertEquals(1, placement.status().desiredNumberScheduled());
        assertEquals(1, placement.running().size());
    }
}
