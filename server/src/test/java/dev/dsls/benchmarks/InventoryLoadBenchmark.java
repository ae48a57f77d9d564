package dev.dsls.benchmarks;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Loading a production-size inventory: 5000 nodes and 150,000 pods shaped as {@code kubectl get
 * nodes,pods -A -o json} writes them, timed and with the heap's peak, in this JVM. Run it with the
 * heap the target allows: {@code mvn -q -pl server exec:exec -Dexec.classpathScope=test
 * -Dexec.executable=java -Dexec.args="-Xmx600m -cp %classpath dev.dsls.benchmarks.InventoryLoadBenchmark"}.
 */
public final class InventoryLoadBenchmark {
    private InventoryLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int podCount = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        Path file = Files.createTempFile("dsls-inventory", ".json");
        Files.writeString(file, json(nodeCount, podCount));
        System.out.printf(Locale.ROOT, "inventory load benchmark: %d nodes, %d pods, %d MB of JSON; %d cores, Java %s,"
                        + " max heap %d MB%n", nodeCount, podCount, Files.size(file) >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 1; round <= 3; round++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            Inventory inventory = InventoryLoader.load(List.of(file)).inventory();
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.gc();
            long kept = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "  round %d: %.2f s, heap peak %d MB, kept %d MB (%d nodes, %d pods)%n", round,
                    seconds, peak >> 20, kept >> 20, inventory.size(), inventory.pods().size());
        }
        Files.delete(file);
    }

    /** Nodes from {@link NodeInventoryGenerator}, then pods spread over them, as one List. */
    static String json(int nodeCount, int podCount) {
        List<Map<String, Object>> nodes = NodeInventoryGenerator.nodes(nodeCount, 42);
        String nodesJson = NodeInventoryGenerator.json(nodes);
        StringBuilder out = new StringBuilder(nodesJson.length() + podCount * 900);
        int itemsStart = nodesJson.indexOf('[');
        int itemsEnd = nodesJson.lastIndexOf(']');
        out.append(nodesJson, 0, itemsEnd);
        Random random = new Random(42);
        for (int i = 0; i < podCount; i++) {
            String node = (String) ((Map<?, ?>) nodes.get(random.nextInt(nodeCount)).get("metadata")).get("name");
            String app = "app-" + random.nextInt(400);
            out.append(i == 0 && itemsEnd == itemsStart + 1 ? "" : ",").append(String.format(Locale.ROOT, """
                    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s-%d","namespace":"ns-%d","labels":{"app":"%s",\
                    "pod-template-hash":"%x"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet",\
                    "name":"%s-%x","uid":"u%d","controller":true}],"creationTimestamp":"2026-11-01T10:00:00Z"},\
                    "spec":{"nodeName":"%s","containers":[{"name":"main","image":"registry.example/%s:1.%d",\
                    "resources":{"requests":{"cpu":"%dm","memory":"%dMi"},"limits":{"memory":"%dMi"}},\
                    "ports":[{"containerPort":8080,"protocol":"TCP"}]}]},"status":{"phase":"Running",\
                    "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-11-01T10:01:00Z"}]}}""",
                    app, i, random.nextInt(60), app, random.nextInt(), app, random.nextInt(), i, node, app,
                    random.nextInt(20), 10 + random.nextInt(490), 32 + random.nextInt(992), 64 + random.nextInt(2048)));
        }
        out.append(nodesJson, itemsEnd, nodesJson.length());
        return out.toString();
    }
}
