package dev.dsls.benchmarks;

import dev.dsls.schema.ManifestObject;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.inventory.NodeInfo;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PlacementEvaluator;
import dev.dsls.analysis.ManifestAnalyzer;
import dev.dsls.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placement performance: loading a 5000-node inventory from YAML and JSON, evaluating one DaemonSet
 * over 5000 and 50000 nodes, and the baseline of one bare pass reading each node's labels, which an
 * evaluation should cost at most three times. Run through org.openjdk.jmh.Main (see the README).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlacementBenchmark {
    /** A node-exporter-like DaemonSet: every selector, toleration and fit check has something to do. */
    static final String DAEMON_SET = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-exporter
              namespace: monitoring
            spec:
              selector:
                matchLabels: {app: node-exporter}
              template:
                metadata:
                  labels: {app: node-exporter}
                spec:
                  hostNetwork: true
                  nodeSelector:
                    kubernetes.io/os: linux
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - {key: node-pool, operator: NotIn, values: [system]}
                          - {key: eks.amazonaws.com/capacityType, operator: In, values: [ON_DEMAND, SPOT]}
                  tolerations:
                  - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
                  containers:
                  - name: node-exporter
                    image: quay.io/prometheus/node-exporter:v1.9.1
                    ports: [{containerPort: 9100}]
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {memory: 256Mi}
            """;

    /** The text of a 5000-node inventory, for the loading benchmarks. */
    @State(Scope.Benchmark)
    public static class Files {
        byte[] yaml;
        byte[] json;

        @Setup(Level.Trial)
        public void generate() {
            List<Map<String, Object>> nodes = NodeInventoryGenerator.nodes(5000, 42);
            yaml = NodeInventoryGenerator.yaml(nodes).getBytes(StandardCharsets.UTF_8);
            json = NodeInventoryGenerator.json(nodes).getBytes(StandardCharsets.UTF_8);
            System.out.printf("%n5000 nodes: %.1f MB of YAML, %.1f MB of JSON%n", yaml.length / 1e6, json.length / 1e6);
        }
    }

    /** A loaded inventory of some size and the compiled DaemonSet. */
    @State(Scope.Benchmark)
    public static class Cluster {
        @Param({"5000", "50000"})
        int nodes;
        Inventory inventory;
        CompiledDaemonSet daemonSet;
        List<CompiledDaemonSet> hundredDaemonSets;
        final Instant now = Instant.parse("2026-07-01T12:00:00Z");

        @Setup(Level.Trial)
        public void load() {
            byte[] json = NodeInventoryGenerator.json(NodeInventoryGenerator.nodes(nodes, 42, false)).getBytes(StandardCharsets.UTF_8);
            inventory = InventoryReader.read("generated.json", json).toInventory();
            daemonSet = CompiledDaemonSet.of(ManifestObject.daemonSets(new YamlParser().parse(DAEMON_SET).documents().get(0)).get(0));
            ManifestGenerator generator = new ManifestGenerator(42);
            hundredDaemonSets = java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> CompiledDaemonSet.of(ManifestObject.daemonSets(new YamlParser().parse(generator.daemonSet(i))
                            .documents().get(0)).get(0))).toList();
            Placement placement = PlacementEvaluator.evaluate(daemonSet, inventory, now);
            System.out.printf("%n%d nodes: %d desired, %d running%n", inventory.size(),
                    placement.status().desiredNumberScheduled(), placement.running().size());
        }
    }

    @Benchmark
    public Inventory loadYaml5000(Files files) {
        return InventoryReader.read("generated.yaml", files.yaml).toInventory();
    }

    @Benchmark
    public Inventory loadJson5000(Files files) {
        return InventoryReader.read("generated.json", files.json).toInventory();
    }

    /** One DaemonSet over the whole inventory: per-node decisions, status and rollout. */
    @Benchmark
    public Placement evaluate(Cluster cluster) {
        return PlacementEvaluator.evaluate(cluster.daemonSet, cluster.inventory, cluster.now);
    }

    /** A cluster's worth of node agents: 100 DaemonSets over the whole inventory. */
    @Benchmark
    public int evaluate100DaemonSets(Cluster cluster) {
        int running = 0;
        for (CompiledDaemonSet spec : cluster.hundredDaemonSets) {
            running += PlacementEvaluator.evaluate(spec, cluster.inventory, cluster.now).running().size();
        }
        return running;
    }

    /** The baseline: read every label of every node once and nothing else. */
    @Benchmark
    public long barePassOverLabels(Cluster cluster) {
        long sum = 0;
        for (NodeInfo node : cluster.inventory.nodes()) {
            for (Map.Entry<String, String> label : node.node().labels().entrySet()) {
                sum += label.getKey().length() ^ label.getValue().hashCode();
            }
        }
        return sum;
    }
}
