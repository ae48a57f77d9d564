package dev.dsls.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.diagnostics.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {
    private static InventoryReader.Contents read(String text) {
        return InventoryReader.read("nodes", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(InventoryReader.Contents contents) {
        return contents.nodes().stream().map(Node::name).toList();
    }

    private static final String NODE_A = """
            apiVersion: v1
            kind: Node
            metadata:
              name: a
              labels:
                zone: z1
            spec:
              taints:
              - key: dedicated
                value: gpu
                effect: NoSchedule
            status:
              allocatable:
                cpu: 3900m
                memory: 15Gi
                ephemeral-storage: "100G"
                pods: "110"
                nvidia.com/gpu: "2"
                hugepages-2Mi: 1Gi
            """;

    @Test
    void readsASingleNodeWithLabelsTaintsAndAllocatable() {
        InventoryReader.Contents contents = read(NODE_A);
        assertEquals(List.of(), contents.problems());
        Node node = contents.nodes().get(0);
        assertEquals("a", node.name());
        assertEquals(Map.of("zone", "z1"), node.labels());
        assertEquals(List.of(new Taint("dedicated", "gpu", "NoSchedule")), node.taints());
        Resources allocatable = node.allocatable();
        assertEquals(3900, allocatable.milliCpu());
        assertEquals(15L << 30, allocatable.memory());
        assertEquals(100_000_000_000L, allocatable.ephemeralStorage());
        assertEquals(110, allocatable.allowedPods());
        assertEquals(2, allocatable.get("nvidia.com/gpu"));
        assertEquals(1L << 30, allocatable.get("hugepages-2Mi"));
        assertEquals(0, node.source().line());
    }

    @Test
    void readsMultiDocumentYamlAndKubectlLists() {
        String multi = NODE_A + "---\n" + NODE_A.replace("name: a", "name: b");
        assertEquals(List.of("a", "b"), names(read(multi)));
        String list = "apiVersion: v1\nkind: List\nitems:\n" + indentItem(NODE_A) + indentItem(NODE_A.replace("name: a", "name: c"));
        assertEquals(List.of("a", "c"), names(read(list)));
        assertEquals(List.of("a", "c"), names(read(list.replace("kind: List", "kind: NodeList"))));
    }

    private static String indentItem(String document) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : document.split("\n")) {
            out.append(first ? "- " : "  ").append(line).append('\n');
            first = false;
        }
        return out.toString();
    }

    private static final String NODES_AND_PODS_JSON = """
            {
                "apiVersion": "v1",
                "items": [
                    {
                        "apiVersion": "v1",
                        "kind": "Node",
                        "metadata": {"name": "w1", "labels": {"kubernetes.io/hostname": "w1", "gpu": "cuda"},
                                     "annotations": {"node.alpha.kubernetes.io/ttl": "0"}},
                        "spec": {"podCIDR": "10.244.1.0/24", "taints": [{"key": "k", "effect": "NoExecute"}]},
                        "status": {"allocatable": {"cpu": "4", "memory": "8Gi", "pods": "110"},
                                   "conditions": [{"type": "Ready", "status": "True"}],
                                   "images": [{"names": ["busybox"], "sizeBytes": 1}]}
                    },
                    {
                        "apiVersion": "v1",
                        "kind": "Pod",
                        "metadata": {"name": "web-1", "namespace": "shop", "labels": {"app": "web"},
                                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web",
                                                          "uid": "u1", "controller": true}]},
                        "spec": {"nodeName": "w1",
                                 "containers": [{"name": "web", "image": "nginx", "env": [{"name": "A", "value": "1"}],
                                                 "resources": {"requests": {"cpu": "250m", "memory": "64Mi"}},
                                                 "ports": [{"containerPort": 80, "hostPort": 8080}]}]},
                        "status": {"phase": "Running",
                                   "conditions": [{"type": "Ready", "status": "True",
                                                   "lastTransitionTime": "2026-01-01T00:00:00Z"}]}
                    },
                    {
                        "apiVersion": "v1",
                        "kind": "Pod",
                        "metadata": {"name": "job-1", "namespace": "batch"},
                        "spec": {"nodeName": "w1", "containers": [{"name": "j", "resources": {"requests": {"cpu": "3"}}}]},
                        "status": {"phase": "Succeeded"}
                    }
                ],
                "kind": "List",
                "metadata": {"resourceVersion": ""}
            }
            """;

    @Test
    void readsKubectlGetNodesAndPodsAllNamespacesJsonAndDropsTerminalPods() {
        InventoryReader.Contents contents = read(NODES_AND_PODS_JSON);
        assertEquals(List.of(), contents.problems());
        assertEquals(List.of("w1"), names(contents));
        assertEquals(Map.of("kubernetes.io/hostname", "w1", "gpu", "cuda"), contents.nodes().get(0).labels());
        assertEquals(List.of(new Taint("k", "", "NoExecute")), contents.nodes().get(0).taints());
        assertEquals(2, contents.pods().size());
        Pod web = contents.pods().get(0);
        assertEquals("shop/web-1", web.qualifiedName());
        assertEquals("w1", web.spec().nodeName());
        assertTrue(web.ready());
        assertEquals("ReplicaSet", web.controller().kind());
        assertEquals(8080, web.spec().containers().get(0).ports().get(0).hostPort());

        Inventory inventory = contents.toInventory();
        assertEquals(1, inventory.pods().size(), "the Succeeded pod is not part of the inventory");
        NodeInfo w1 = inventory.node("w1");
        assertEquals(250, w1.requested().milliCpu());
        assertEquals(64L << 20, w1.requested().memory());
        assertEquals(1, w1.pods().size());
        assertEquals("shop/web-1", w1.usedPorts().conflict(new HostPortInfo.HostPort("0.0.0.0", "TCP", 8080)));
    }

    @Test
    void readsJsonNodeListPodListAndSingleObjects() {
        String nodeList = """
                {"kind": "NodeList", "apiVersion": "v1", "items": [
                  {"kind": "Node", "apiVersion": "v1", "metadata": {"name": "n1"}, "status": {"allocatable": {"pods": 10}}},
                  {"kind": "Node", "apiVersion": "v1", "metadata": {"name": "n2"}, "status": {"allocatable": {"pods": "10"}}}
                ]}""";
        assertEquals(List.of("n1", "n2"), names(read(nodeList)));
        assertEquals(10, read(nodeList).nodes().get(0).allocatable().allowedPods());
        String podList = """
                {"kind": "PodList", "apiVersion": "v1", "items": [
                  {"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "p"}, "spec": {"nodeName": "n1"}}
                ]}""";
        assertEquals("default/p", read(podList).pods().get(0).qualifiedName());
        String single = """
                {"metadata": {"name": "solo"}, "status": {"allocatable": {"pods": "1"}}, "kind": "Node", "apiVersion": "v1"}""";
        assertEquals(List.of("solo"), names(read(single)));
    }

    @Test
    void aMalformedNodeIsReportedWithItsLineAndTheOthersAreStillUsed() {
        String text = NODE_A + "---\n" + NODE_A.replace("name: a", "name: bad").replace("cpu: 3900m", "cpu: 4 cores")
                + "---\n" + NODE_A.replace("name: a", "name: c");
        InventoryReader.Contents contents = read(text);
        assertEquals(List.of("a", "c"), names(contents));
        InventoryProblem problem = contents.problems().get(0);
        assertEquals(InventoryProblem.INVALID_NODE, problem.code());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(33, problem.range().start().line(), problem.render());
        assertTrue(problem.message().startsWith("Node bad: status.allocatable.cpu: \"4 cores\""), problem.message());
        assertTrue(problem.render().startsWith("nodes:34:10: error: Node bad"), problem.render());
    }

    @Test
    void taintsWithoutKeyOrWithAnUnknownEffectAndNamelessNodesAreLeftOut() {
        InventoryReader.Contents contents = read(NODE_A.replace("effect: NoSchedule", "effect: NoScheduel")
                + "---\napiVersion: v1\nkind: Node\nmetadata:\n  labels: {a: b}\n");
        assertEquals(List.of(), names(contents));
        assertEquals(List.of(InventoryProblem.INVALID_NODE, InventoryProblem.INVALID_NODE),
                contents.problems().stream().map(InventoryProblem::code).toList());
        assertTrue(contents.problems().get(0).message().contains("effect \"NoScheduel\""));
    }

    @Test
    void aNodeWithoutAllocatablePodsIsKeptWithAWarning() {
        InventoryReader.Contents contents = read("apiVersion: v1\nkind: Node\nmetadata:\n  name: bare\n");
        assertEquals(List.of("bare"), names(contents));
        assertEquals(0, contents.nodes().get(0).allocatable().allowedPods());
        assertEquals(InventoryProblem.NO_POD_SLOTS, contents.problems().get(0).code());
        assertEquals(Severity.WARNING, contents.problems().get(0).severity());
    }

    @Test
    void brokenJsonIsASyntaxProblemWithItsLineAndEarlierItemsAreKept() {
        String text = "{\"items\": [\n{\"kind\": \"Node\", \"apiVersion\": \"v1\", \"metadata\": {\"name\": \"ok\"}},\n"
                + "{\"kind\": \"Node\" \"apiVersion\": \"v1\"}\n]}";
        InventoryReader.Contents contents = read(text);
        assertEquals(List.of("ok"), names(contents));
        InventoryProblem syntax = contents.problems().stream().filter(p -> p.code().equals(InventoryProblem.SYNTAX))
                .findFirst().orElseThrow();
        assertEquals(2, syntax.range().start().line(), syntax.render());
    }

    @Test
    void yamlSyntaxErrorsAreReportedAndOtherDocumentsUsed() {
        InventoryReader.Contents contents = read("kind: Node\napiVersion: v1\nmetadata: {name: [\n---\n" + NODE_A);
        assertEquals(List.of("a"), names(contents));
        assertEquals(InventoryProblem.SYNTAX, contents.problems().get(0).code());
    }

    @Test
    void readsPodSpecsWithInitContainersSidecarsOverheadPodLevelResourcesAndHostNetwork() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  namespace: kube-system
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  labels: {app: agent, controller-revision-hash: abc}
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: u, controller: true}
                spec:
                  nodeName: n1
                  hostNetwork: true
                  overhead: {cpu: 10m}
                  resources: {requests: {memory: 1Gi}}
                  initContainers:
                  - name: setup
                    resources: {requests: {cpu: "1"}}
                  - name: proxy
                    restartPolicy: Always
                    resources: {limits: {cpu: 200m}}
                  containers:
                  - name: agent
                    resources: {requests: {cpu: 100m, memory: 64Mi}}
                    ports: [{containerPort: 9100}]
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "False"}]
                """;
        Pod read = read(pod).pods().get(0);
        PodSpec spec = read.spec();
        assertTrue(spec.hostNetwork());
        assertEquals(2, spec.initContainers().size());
        assertTrue(spec.initContainers().get(1).isSidecar());
        assertFalse(read.ready());
        assertEquals("agent", read.controller().name());
        Resources requests = PodRequests.of(spec);
        // max(100m + 200m sidecar, 1 + 0 sidecars before it) + 10m overhead; pod-level memory replaces 64Mi
        assertEquals(1010, requests.milliCpu());
        assertEquals(1L << 30, requests.memory());
        assertEquals(List.of(new HostPortInfo.HostPort("0.0.0.0", "TCP", 9100)),
                HostPortInfo.hostPorts(spec).stream().map(HostPortInfo.PortUse::port).toList());
    }

    @Test
    void theIndexAnswersLabelKeysValuesTaintsAndNodeNamesWithoutRescanning() {
        Inventory inventory = read(NODE_A + "---\n" + NODE_A.replace("name: a", "name: b").replace("zone: z1", "zone: z2")
                + "---\n" + NODE_A.replace("name: a", "name: c")).toInventory();
        InventoryIndex index = inventory.index();
        assertEquals(List.of("a", "b", "c"), index.nodeNames());
        assertTrue(index.labelKeys().contains("zone"));
        assertEquals(Map.of("z1", 2, "z2", 1), index.labelValues("zone"));
        assertEquals(3, index.nodesWithKey("zone"));
        assertEquals(List.of("a", "c"), index.nodesWithLabel("zone", "z1"));
        assertEquals(Map.of(new Taint("dedicated", "gpu", "NoSchedule"), List.of("a", "b", "c")), index.taints());
        assertEquals(Map.of(), index.labelValues("nope"));
    }

    @Test
    void theLoaderCombinesFilesReportsDuplicatesAndEmptyFilesAndRefusesMissingOnes(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.yaml"), NODE_A);
        Path second = Files.writeString(dir.resolve("b.json"),
                "{\"kind\":\"Node\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"labels\":{\"zone\":\"z9\"}},"
                        + "\"status\":{\"allocatable\":{\"pods\":\"5\"}}}");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        InventoryLoader.Loaded loaded = InventoryLoader.load(List.of(first, second, empty));
        assertEquals(1, loaded.inventory().size());
        assertEquals("z9", loaded.inventory().node("a").node().labels().get("zone"), "the later definition wins");
        assertEquals(List.of(InventoryProblem.DUPLICATE_NODE, InventoryProblem.NO_NODES),
                loaded.problems().stream().map(InventoryProblem::code).toList());
        assertFalse(loaded.hasErrors());
        try {
            InventoryLoader.load(List.of(dir.resolve("missing.yaml")));
            throw new AssertionError("expected UnreadableException");
        } catch (InventoryLoader.UnreadableException e) {
            assertTrue(e.getMessage().contains("missing.yaml: cannot read the node inventory: no such file"), e.getMessage());
        }
    }

    @Test
    void theChaptersKindClusterSampleLoads() throws Exception {
        InventoryLoader.Loaded loaded = InventoryLoader.load(List.of(Path.of("../samples/.dsls/inventory.yaml")));
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("kind-control-plane", "kind-worker", "kind-worker2"), loaded.inventory().index().nodeNames());
    }

    @Test
    void aWhatIfLaysItsNodesOverTheDeclaredInventory() {
        Inventory declared = read(NODE_A + "---\n" + NODE_A.replace("name: a", "name: b")).toInventory();
        Inventory whatIf = read(NODE_A.replace("zone: z1", "zone: z7")).toInventory();
        Inventory merged = declared.overriddenBy(whatIf);
        assertEquals(2, merged.size());
        assertEquals("z7", merged.node("a").node().labels().get("zone"));
        assertEquals(List.of("a", "b"), merged.nodes().stream().map(NodeInfo::name).sorted().toList());
    }
}
