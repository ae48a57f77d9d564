package dev.dsls.benchmarks;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.preview.FleetBudget;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.Fleet;
import dev.dsls.scheduling.FleetEvaluator;
import dev.dsls.scheduling.PriorityClasses;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A production-size fleet: 30 DaemonSets (system-node-critical agents, node agents of a lower class, pool
 * and GPU plugins with selectors, tolerations and host ports) previewed together over a generated
 * 5000-node inventory, then budgeted per instance type, in this JVM. Prints each round and the median:
 * {@code mvn -q -pl server test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-cp %classpath dev.dsls.benchmarks.FleetBenchmark"}.
 */
public final class FleetBenchmark {
    private FleetBenchmark() {
    }

    public static void main(String[] args) {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int daemonSetCount = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Inventory inventory = InventoryReader.read("generated.json", NodeInventoryGenerator.json(
                NodeInventoryGenerator.nodes(nodeCount, 42)).getBytes(StandardCharsets.UTF_8)).toInventory();
        List<String> manifests = new ArrayList<>();
        for (int i = 0; i < daemonSetCount; i++) {
            manifests.add(daemonSet(i));
        }
        System.out.printf(Locale.ROOT, "fleet benchmark: %d DaemonSets over %d nodes; %d cores, Java %s%n",
                daemonSetCount, inventory.size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        double[] rounds = new double[7];
        for (int round = 0; round < rounds.length; round++) {
            long start = System.nanoTime();
            // Parse and compile count too: an edit of one member re-evaluates the whole fleet from its text.
            List<CompiledDaemonSet> compiled = manifests.stream().map(FleetBenchmark::compile).toList();
            Fleet fleet = FleetEvaluator.evaluate(compiled, inventory, PriorityClasses.BUILT_IN, Instant.now());
            FleetBudget.Budget budget = FleetBudget.of(fleet, FleetBudget.DEFAULT_GROUP_BY);
            rounds[round] = (System.nanoTime() - start) / 1e6;
            long pending = fleet.placements().stream().mapToLong(p -> p.pending().size()).sum();
            System.out.printf(Locale.ROOT, "  round %d: %.0f ms (%d pools, %d pending daemon pods)%n", round + 1,
                    rounds[round], budget.groups().size(), pending);
        }
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "whole fleet: first %.0f ms, median %.0f ms (target: under 1000 ms)%n", rounds[0],
                sorted[sorted.length / 2]);
    }

    private static CompiledDaemonSet compile(String manifest) {
        return CompiledDaemonSet.of(ManifestObject.daemonSets(new YamlParser().parse(manifest).documents().get(0)).get(0));
    }

    /** The i-th DaemonSet: every third system-node-critical, some on one pool, some with a host port. */
    static String daemonSet(int i) {
        String priority = i % 3 == 0 ? "      priorityClassName: system-node-critical\n" : "";
        String selector = i % 5 == 4 ? "      nodeSelector:\n        node-pool: " + (i % 2 == 0 ? "gpu" : "general") + "\n" : "";
        String port = i % 4 == 1 ? "        ports:\n        - containerPort: " + (9100 + i) + "\n          hostPort: "
                + (9100 + i) + "\n" : "";
        return "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent-" + i + "\n  namespace: kube-system\n"
                + "spec:\n  selector:\n    matchLabels: {app: agent-" + i + "}\n  template:\n    metadata:\n"
                + "      labels: {app: agent-" + i + "}\n    spec:\n" + priority + selector
                + "      tolerations:\n      - operator: Exists\n"
                + "      containers:\n      - name: agent\n        image: example.com/agent:" + i + "\n" + port
                + "        resources:\n          requests: {cpu: " + (50 + 10 * i) + "m, memory: " + (64 + 16 * i) + "Mi}\n";
    }
}
