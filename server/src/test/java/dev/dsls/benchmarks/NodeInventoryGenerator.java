package dev.dsls.benchmarks;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of realistic Node objects as {@code kubectl get nodes -o yaml|json} prints them:
 * zone, region and instance-type labels, node pools, some tainted pools, allocatable and capacity,
 * and the bulk a real listing carries (annotations, conditions, addresses, images) that an inventory
 * reader must skip. About 4.7 kB of YAML per node, so 5000 nodes are some 23 MB.
 */
public final class NodeInventoryGenerator {
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-southeast-2"};
    private static final String[][] INSTANCE_TYPES = {
            {"m6i.xlarge", "4", "16Gi"}, {"m6i.2xlarge", "8", "32Gi"}, {"c6i.4xlarge", "16", "32Gi"},
            {"r6i.2xlarge", "8", "64Gi"}, {"g5.2xlarge", "8", "32Gi"}, {"m7g.xlarge", "4", "16Gi"}};
    private static final String[] POOLS = {"general", "general", "general", "compute", "memory", "gpu", "spot", "system"};

    private NodeInventoryGenerator() {
    }

    /** The nodes as JSON-like trees (maps, lists, strings, numbers), in a stable order for a seed. */
    public static List<Map<String, Object>> nodes(int count, long seed) {
        return nodes(count, seed, true);
    }

    /**
     * @param bulk include what placement never reads (annotations, conditions, images…); without it the
     *             same nodes come out small, for building very large inventories quickly
     */
    public static List<Map<String, Object>> nodes(int count, long seed, boolean bulk) {
        Random random = new Random(seed);
        List<Map<String, Object>> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> node = node(i, random);
            if (!bulk) {
                ((Map<?, ?>) node.get("metadata")).remove("annotations");
                Map<?, ?> status = (Map<?, ?>) node.get("status");
                status.keySet().retainAll(List.of("allocatable"));
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static Map<String, Object> node(int index, Random random) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String zone = region + (char) ('a' + random.nextInt(3));
        String pool = POOLS[random.nextInt(POOLS.length)];
        String[] type = pool.equals("gpu") ? INSTANCE_TYPES[4] : INSTANCE_TYPES[random.nextInt(INSTANCE_TYPES.length)];
        String arch = type[0].startsWith("m7g") ? "arm64" : "amd64";
        String name = String.format("ip-10-%d-%d-%d.%s.compute.internal", index / 65536 % 256, index / 256 % 256,
                index % 256, region);

        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", arch);
        labels.put("beta.kubernetes.io/instance-type", type[0]);
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("failure-domain.beta.kubernetes.io/region", region);
        labels.put("failure-domain.beta.kubernetes.io/zone", zone);
        labels.put("kubernetes.io/arch", arch);
        labels.put("kubernetes.io/hostname", name);
        labels.put("kubernetes.io/os", "linux");
        labels.put("node.kubernetes.io/instance-type", type[0]);
        labels.put("topology.kubernetes.io/region", region);
        labels.put("topology.kubernetes.io/zone", zone);
        labels.put("node-pool", pool);
        labels.put("eks.amazonaws.com/capacityType", pool.equals("spot") ? "SPOT" : "ON_DEMAND");
        labels.put("eks.amazonaws.com/nodegroup", pool + "-" + zone);
        if (pool.equals("gpu")) {
            labels.put("nvidia.com/gpu.present", "true");
        }
        if (pool.equals("system")) {
            labels.put("node-role.kubernetes.io/control-plane", "");
        }

        List<Object> taints = new ArrayList<>();
        switch (pool) {
            case "gpu" -> taints.add(taint("nvidia.com/gpu", "present", "NoSchedule"));
            case "spot" -> taints.add(taint("spot", "true", "PreferNoSchedule"));
            case "system" -> taints.add(taint("node-role.kubernetes.io/control-plane", null, "NoSchedule"));
            default -> { }
        }
        if (random.nextInt(100) == 0) {
            taints.add(taint("node.kubernetes.io/unschedulable", null, "NoSchedule"));
        }

        Map<String, Object> allocatable = new LinkedHashMap<>();
        allocatable.put("cpu", (Integer.parseInt(type[1]) * 1000 - 90) + "m");
        allocatable.put("ephemeral-storage", "95491281146");
        allocatable.put("hugepages-1Gi", "0");
        allocatable.put("hugepages-2Mi", "0");
        allocatable.put("memory", type[2].replace("Gi", "") + "000000Ki");
        allocatable.put("pods", "110");
        if (pool.equals("gpu")) {
            allocatable.put("nvidia.com/gpu", "1");
        }

        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("alpha.kubernetes.io/provided-node-ip", "10.0." + index % 256 + "." + random.nextInt(256));
        annotations.put("node.alpha.kubernetes.io/ttl", "0");
        annotations.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        annotations.put("csi.volume.kubernetes.io/nodeid", "{\"ebs.csi.aws.com\":\"i-0" + Long.toHexString(random.nextLong())
                + "\"}");

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("annotations", annotations);
        metadata.put("creationTimestamp", "2026-01-0" + (1 + random.nextInt(9)) + "T10:00:00Z");
        metadata.put("labels", labels);
        metadata.put("name", name);
        metadata.put("resourceVersion", Integer.toString(1_000_000 + random.nextInt(9_000_000)));
        metadata.put("uid", new java.util.UUID(random.nextLong(), random.nextLong()).toString());

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("providerID", "aws:///" + zone + "/i-0" + Long.toHexString(random.nextLong()));
        if (!taints.isEmpty()) {
            spec.put("taints", taints);
        }

        Map<String, Object> status = new LinkedHashMap<>();
        List<Object> addresses = new ArrayList<>();
        addresses.add(Map.of("address", "10.0." + index % 256 + "." + random.nextInt(256), "type", "InternalIP"));
        addresses.add(Map.of("address", name, "type", "Hostname"));
        addresses.add(Map.of("address", name, "type", "InternalDNS"));
        status.put("addresses", addresses);
        status.put("allocatable", allocatable);
        Map<String, Object> capacity = new LinkedHashMap<>(allocatable);
        capacity.put("cpu", type[1]);
        status.put("capacity", capacity);
        List<Object> conditions = new ArrayList<>();
        for (String[] condition : new String[][] {{"MemoryPressure", "False", "KubeletHasSufficientMemory"},
                {"DiskPressure", "False", "KubeletHasNoDiskPressure"}, {"PIDPressure", "False", "KubeletHasSufficientPID"},
                {"Ready", "True", "KubeletReady"}}) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("lastHeartbeatTime", "2026-07-01T10:00:00Z");
            item.put("lastTransitionTime", "2026-01-01T10:00:00Z");
            item.put("message", "kubelet is posting " + condition[2].replaceAll("([A-Z])", " $1").trim().toLowerCase());
            item.put("reason", condition[2]);
            item.put("status", condition[1]);
            item.put("type", condition[0]);
            conditions.add(item);
        }
        status.put("conditions", conditions);
        status.put("daemonEndpoints", Map.of("kubeletEndpoint", Map.of("Port", 10250)));
        List<Object> images = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String image = "registry.example.com/team-" + random.nextInt(40) + "/service-" + random.nextInt(500);
            images.add(Map.of("names", List.of(image + "@sha256:" + Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()), image + ":v1." + i),
                    "sizeBytes", 10_000_000 + random.nextInt(500_000_000)));
        }
        status.put("images", images);
        Map<String, Object> nodeInfo = new LinkedHashMap<>();
        nodeInfo.put("architecture", arch);
        nodeInfo.put("bootID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        nodeInfo.put("containerRuntimeVersion", "containerd://1.7.27");
        nodeInfo.put("kernelVersion", "6.1.128-136.201.amzn2023.x86_64");
        nodeInfo.put("kubeProxyVersion", "v1.36.0");
        nodeInfo.put("kubeletVersion", "v1.36.0");
        nodeInfo.put("machineID", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        nodeInfo.put("operatingSystem", "linux");
        nodeInfo.put("osImage", "Amazon Linux 2023.7.20250331");
        nodeInfo.put("systemUUID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        status.put("nodeInfo", nodeInfo);

        Map<String, Object> node = new LinkedHashMap<>();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        node.put("metadata", metadata);
        node.put("spec", spec);
        node.put("status", status);
        return node;
    }

    private static Map<String, Object> taint(String key, String value, String effect) {
        Map<String, Object> taint = new LinkedHashMap<>();
        taint.put("effect", effect);
        taint.put("key", key);
        if (value != null) {
            taint.put("value", value);
        }
        return taint;
    }

    /** {@code kubectl get nodes -o json}: a List. */
    public static String json(List<Map<String, Object>> nodes) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("items", nodes);
        list.put("kind", "List");
        list.put("metadata", Map.of("resourceVersion", ""));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(list);
    }

    /** {@code kubectl get nodes -o yaml}: one List document, block style, strings quoted where YAML needs it. */
    public static String yaml(List<Map<String, Object>> nodes) {
        StringBuilder out = new StringBuilder("apiVersion: v1\nitems:\n");
        for (Map<String, Object> node : nodes) {
            writeMap(out, node, 2, true);
        }
        return out.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n").toString();
    }

    private static void writeMap(StringBuilder out, Map<String, Object> map, int indent, boolean listItem) {
        boolean first = true;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (listItem && first) {
                out.append(" ".repeat(indent - 2)).append("- ");
            } else {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(entry.getKey()).append(':');
            writeValue(out, entry.getValue(), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
                return;
            }
            out.append('\n');
            writeMap(out, (Map<String, Object>) map, indent + 2, false);
        } else if (value instanceof List<?> list) {
            out.append('\n');
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    writeMap(out, (Map<String, Object>) map, indent + 2, true);
                } else {
                    out.append(" ".repeat(indent)).append("- ").append(scalar(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    /** Plain when YAML 1.1 would read it back as the same string, else double-quoted as kubectl does. */
    private static String scalar(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        boolean plain = !text.isEmpty() && text.matches("[A-Za-z][-A-Za-z0-9_./]*") && !text.matches(
                "(?i)y|n|yes|no|true|false|on|off|null");
        return plain ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
