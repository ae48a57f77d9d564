package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsls fleet} and the fleet in {@code check} and {@code preview}, through the real command line. */
class FleetCommandTest {
    private static final String SAMPLE = "../samples/fleet";

    private static JsonObject fleetJson(String... args) {
        List<String> all = new ArrayList<>(List.of("fleet", "--format", "json"));
        all.addAll(List.of(args));
        CliRunner.Result run = CliRunner.run(all.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static JsonObject group(JsonObject fleet, String key) {
        for (var group : fleet.getAsJsonArray("groups")) {
            if (group.getAsJsonObject().get("key").getAsString().equals(key)) {
                return group.getAsJsonObject();
            }
        }
        throw new AssertionError("no group " + key + " in " + fleet);
    }

    @Test
    void theSampleFleetIsBudgetedPerPoolExactly() {
        JsonObject fleet = fleetJson(SAMPLE);
        JsonObject small = group(fleet, "t3.small");
        // cilium 100m/300Mi + kube-proxy 100m/64Mi + ebs-csi-node 2 x (10m/40Mi) on each of 2 nodes; fluent-bit pending.
        assertEquals("2|0|6|440m|888Mi|220m|444Mi|3860m|2900Mi", small.get("nodes") + "|" + small.get("templates") + "|"
                + small.get("daemonPods") + "|" + quantity(small, "requests", "cpu") + "|" + quantity(small, "requests",
                "memory") + "|" + quantity(small, "requestsPerNode", "cpu") + "|" + quantity(small, "requestsPerNode",
                "memory") + "|" + quantity(small, "allocatable", "cpu") + "|" + quantity(small, "allocatable", "memory"));
        // The batch pod was preempted by cilium, so both small nodes keep 1930m - 220m for workloads.
        assertEquals("3420m|2012Mi|1710m|1006Mi", quantity(small, "available", "cpu") + "|"
                + quantity(small, "available", "memory") + "|" + quantity(small, "availablePerNode", "cpu") + "|"
                + quantity(small, "availablePerNode", "memory"));
        JsonObject pending = small.getAsJsonArray("pending").get(0).getAsJsonObject();
        assertEquals("logging/fluent-bit|2|resources|[\"kube-system/cilium\",\"kube-system/ebs-csi-node\",\"kube-system/kube-proxy\"]",
                pending.get("daemonSet").getAsString() + "|" + pending.get("nodes") + "|"
                        + pending.get("reason").getAsString() + "|" + pending.get("heldBy"));
        JsonObject preemption = small.getAsJsonArray("preemptions").get(0).getAsJsonObject();
        assertEquals("kube-system/cilium|1|[\"batch/report-7f9c2\"]", preemption.get("daemonSet").getAsString() + "|"
                + preemption.get("nodes") + "|" + preemption.get("victims"));
    }

    @Test
    void aNodeTemplateIsReportedOnItsOwnAndNotCountedInItsPool() {
        JsonObject fleet = fleetJson(SAMPLE);
        JsonObject gpu = group(fleet, "p3.2xlarge");
        assertEquals("1|1|5", gpu.get("nodes") + "|" + gpu.get("templates") + "|" + gpu.get("daemonPods"));
        JsonObject template = fleet.getAsJsonArray("templates").get(0).getAsJsonObject();
        assertEquals("gpu-pool-|p3.2xlarge|true|5", template.get("name").getAsString() + "|"
                + template.get("group").getAsString() + "|" + template.get("fits") + "|" + template.get("daemonPods"));
        JsonObject cilium = fleet.getAsJsonArray("daemonSets").get(0).getAsJsonObject();
        assertEquals("kube-system/cilium|system-node-critical|6|6|1", cilium.get("name").getAsString() + "|"
                + cilium.get("priorityClassName").getAsString() + "|" + cilium.get("desired") + "|"
                + cilium.get("running") + "|" + cilium.get("preempting"));
    }

    @Test
    void theTextTableIsKubectlStyleAndSaysWhoTookTheRoom() {
        CliRunner.Result run = CliRunner.run("fleet", SAMPLE);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("POOL         NODES   DAEMON PODS   CPU                MEMORY               LEFT"
                + "             PENDING"), run.out());
        assertTrue(run.out().contains("pending in t3.small: logging/fluent-bit on 2 nodes (resources; room taken by"
                + " kube-system/cilium, kube-system/ebs-csi-node, kube-system/kube-proxy)"), run.out());
        assertTrue(run.out().contains("template gpu-pool- (p3.2xlarge): every DaemonSet that wants it fits"), run.out());
    }

    @Test
    void groupingByAnotherLabelPutsNodesWithoutItUnderNone() {
        JsonObject fleet = fleetJson("--group-by", "topology.kubernetes.io/zone", SAMPLE);
        assertEquals("[\"<none>\",\"us-east-1a\",\"us-east-1b\"]", fleet.getAsJsonArray("groups").asList().stream()
                .map(g -> "\"" + g.getAsJsonObject().get("key").getAsString() + "\"").toList().toString().replace(" ", ""));
    }

    @Test
    void checkPreviewsTheFilesTogetherAndAloneOnRequest() {
        CliRunner.Result together = CliRunner.run("check", "--format", "json", SAMPLE);
        assertTrue(together.out().contains("2 pending: room taken by kube-system/cilium, kube-system/ebs-csi-node,"
                + " kube-system/kube-proxy"), together.out());
        CliRunner.Result alone = CliRunner.run("check", "--format", "json", "--alone", SAMPLE);
        assertTrue(alone.out().contains("Placement: runs on 5 of 6 nodes · pending: ip-10-0-2-22.ec2.internal"),
                alone.out());
    }

    @Test
    void anUnknownPriorityClassIsAWarningWithDidYouMean(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("agent.yaml");
        Files.writeString(manifest, Files.readString(Path.of(SAMPLE, "fluent-bit.yaml"))
                .replace("priorityClassName: node-agents", "priorityClassName: system-node-critcal"));
        CliRunner.Result run = CliRunner.run("check", "--format", "json", manifest.toString());
        assertTrue(run.out().contains("\"code\": \"unknown-priority-class\""), run.out());
        assertTrue(run.out().contains("Did you mean \\\"system-node-critical\\\"?"), run.out());
    }

    @Test
    void aSurgingUpdateWithAHostPortIsReportedAndTheRolloutSaysItNeverProgresses(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("exporter.yaml");
        Files.writeString(manifest, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\nspec:\n"
                + "  selector:\n    matchLabels: {app: exporter}\n  updateStrategy:\n    rollingUpdate:\n"
                + "      maxSurge: 1\n      maxUnavailable: 0\n  template:\n    metadata:\n      labels: {app: exporter}\n"
                + "    spec:\n      containers:\n      - name: exporter\n        image: prom/node-exporter:v1.9.1\n"
                + "        ports:\n        - containerPort: 9100\n          hostPort: 9100\n");
        CliRunner.Result check = CliRunner.run("check", "--format", "json", manifest.toString());
        assertTrue(check.out().contains("\"code\": \"surge-host-port\""), check.out());
        assertTrue(check.out().contains("maxSurge 1 with host port 9100/TCP: the surge pod cannot bind the port its"
                + " predecessor holds on the same node"), check.out());
        CliRunner.Result preview = CliRunner.run("preview", "--nodes", "../samples/.dsls/inventory.yaml", manifest.toString());
        assertTrue(preview.out().contains("rollout: RollingUpdate: maxSurge 1 with host port 9100/TCP: each surge pod"
                + " stays Pending beside the old pod that holds the port, so the update never progresses"), preview.out());
    }

    private static String quantity(JsonObject group, String member, String resource) {
        return group.getAsJsonObject(member).get(resource).getAsString();
    }
}
