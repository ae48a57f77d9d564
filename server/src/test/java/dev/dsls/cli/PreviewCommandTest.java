package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chapter's scenarios end to end through the real command line and the sample files. */
class PreviewCommandTest {
    private static final String INVENTORY = "../samples/.dsls/inventory.yaml";

    static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    private static JsonObject previewJson(String... args) {
        List<String> all = new ArrayList<>(List.of("preview", "--format", "json"));
        all.addAll(List.of(args));
        CliRunner.Result run = run(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("daemonSets").get(0).getAsJsonObject();
    }

    private static List<String> runningNodes(JsonObject daemonSet) {
        List<String> nodes = new ArrayList<>();
        for (var node : daemonSet.getAsJsonArray("nodes")) {
            if (node.getAsJsonObject().get("runs").getAsString().equals("yes")) {
                nodes.add(node.getAsJsonObject().get("name").getAsString());
            }
        }
        return nodes;
    }

    @Test
    void theDemoRunsOnTheTwoWorkersAndTheControlPlaneTaintKeepsItOff() {
        JsonObject demo = previewJson("--nodes", INVENTORY, "../samples/ds.demo.yaml");
        assertEquals("demo", demo.get("name").getAsString());
        assertEquals("default", demo.get("namespace").getAsString());
        assertEquals("../samples/ds.demo.yaml", demo.get("path").getAsString());
        assertEquals(3, demo.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        JsonObject status = demo.getAsJsonObject("status");
        assertEquals(2, status.get("desiredNumberScheduled").getAsInt());
        assertEquals(0, status.get("currentNumberScheduled").getAsInt());
        assertEquals(2, status.get("numberUnavailable").getAsInt());
        JsonObject rollout = demo.getAsJsonObject("rollout");
        assertEquals("RollingUpdate", rollout.get("strategy").getAsString());
        assertEquals(1, rollout.get("maxUnavailable").getAsInt());
        assertEquals(0, rollout.get("maxSurge").getAsInt());
        assertEquals(2, rollout.get("waves").getAsInt());
        assertEquals(0, rollout.get("minReadySeconds").getAsInt());
        assertEquals(List.of("kind-worker", "kind-worker2"), runningNodes(demo));
        JsonObject controlPlane = demo.getAsJsonArray("nodes").get(0).getAsJsonObject();
        assertEquals("kind-control-plane", controlPlane.get("name").getAsString());
        assertEquals(false, controlPlane.get("desired").getAsBoolean());
        assertEquals(false, controlPlane.get("fits").getAsBoolean());
        JsonObject reason = controlPlane.getAsJsonArray("reasons").get(0).getAsJsonObject();
        assertEquals("taint", reason.get("code").getAsString());
        assertTrue(reason.get("message").getAsString().contains("node-role.kubernetes.io/control-plane:NoSchedule"));
        assertEquals("toleration", controlPlane.getAsJsonObject("nearMiss").get("change").getAsString());
        JsonObject worker = demo.getAsJsonArray("nodes").get(1).getAsJsonObject();
        assertEquals(true, worker.get("desired").getAsBoolean());
        assertEquals(true, worker.get("fits").getAsBoolean());
        assertEquals(new JsonArray(), worker.getAsJsonArray("reasons"));
    }

    @Test
    void withNodeSelectorGpuCudaNoNodeIsDesired() {
        JsonObject demo = previewJson("--nodes", INVENTORY, "../samples/ds.demo.nodeSelector.yaml");
        assertEquals(0, demo.getAsJsonObject("status").get("desiredNumberScheduled").getAsInt());
        assertEquals(List.of(), runningNodes(demo));
        assertEquals(0, demo.getAsJsonObject("rollout").get("waves").getAsInt());
        assertEquals("nodeSelector", demo.getAsJsonArray("nodes").get(1).getAsJsonObject().getAsJsonArray("reasons")
                .get(0).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void afterKindWorker2GainsGpuCudaItRunsThereOnly() {
        JsonObject whatIf = previewJson("../samples/what-if/gpu-on-kind-worker2.yaml");
        assertEquals(1, whatIf.getAsJsonObject("status").get("desiredNumberScheduled").getAsInt());
        assertEquals(List.of("kind-worker2"), runningNodes(whatIf));
        JsonObject merged = previewJson("--nodes", INVENTORY, "../samples/what-if/gpu-on-kind-worker2.yaml");
        assertEquals(List.of("kind-worker2"), runningNodes(merged), "the file's nodes replace the inventory's");
    }

    @Test
    void toleratingEverythingRunsOnAllThreeNodes() {
        JsonObject agent = previewJson("--nodes", INVENTORY, "../samples/ds.tolerate-all.yaml");
        assertEquals(3, agent.getAsJsonObject("status").get("desiredNumberScheduled").getAsInt());
        assertEquals(List.of("kind-control-plane", "kind-worker", "kind-worker2"), runningNodes(agent));
        assertEquals("kube-system", agent.get("namespace").getAsString());
    }

    @Test
    void textShowsAKubectlStyleLineThenOneLinePerNode() {
        CliRunner.Result run = run("preview", "--nodes", INVENTORY, "../samples/ds.demo.v2.rollingUpdate.yaml");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("../samples/ds.demo.v2.rollingUpdate.yaml: DaemonSet default/demo over 3 nodes", lines.get(0));
        assertEquals("NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR", lines.get(1));
        assertEquals("demo   2         0         0       0            0           <none>", lines.get(2));
        assertEquals("NODE                 RUNS   REASON", lines.get(4));
        assertTrue(lines.get(5).startsWith("kind-control-plane   no     taint: node has the taint"
                + " node-role.kubernetes.io/control-plane:NoSchedule"), lines.get(5));
        assertEquals("kind-worker          yes", lines.get(6));
        assertEquals("kind-worker2         yes", lines.get(7));
        assertTrue(run.out().contains("rollout: RollingUpdate, maxUnavailable 1, maxSurge 0: 2 waves, at least 60s"
                + " (minReadySeconds 30)"), run.out());
        assertTrue(run.out().contains("near miss: kind-control-plane: add the toleration"), run.out());
    }

    @Test
    void onDeleteSaysNothingHappensUntilPodsAreDeleted() {
        CliRunner.Result run = run("preview", "--nodes", INVENTORY, "../samples/ds.demo.v3.onDelete.yaml");
        assertTrue(run.out().contains("rollout: OnDelete: nothing happens until you delete a pod"), run.out());
    }

    @Test
    void exitCodesFollowCheck() throws IOException {
        CliRunner.Result missing = run("preview", "--nodes", "../samples/.dsls/missing.yaml", "../samples/ds.demo.yaml");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("missing.yaml: cannot read the node inventory: no such file"), missing.err());
        Path outsideAnyWorkspace = Files.createTempDirectory("dsls-preview").resolve("ds.demo.yaml");
        Files.copy(Path.of("../samples/ds.demo.yaml"), outsideAnyWorkspace);
        CliRunner.Result noInventory = run("preview", outsideAnyWorkspace.toString());
        assertEquals(2, noInventory.exitCode());
        assertTrue(noInventory.err().contains("no node inventory"), noInventory.err());
        assertEquals(2, run("preview", "--nodes", INVENTORY, "--format", "yaml", "../samples/ds.demo.yaml").exitCode());
        CliRunner.Result broken = run("preview", "--nodes", INVENTORY, "../samples/broken/decode-errors.yaml");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("[unknown-field]"), broken.err());
    }

    @Test
    void checkWithNodesAddsPlacementDiagnosticsInTextAndJson() {
        CliRunner.Result text = run("check", "--nodes", INVENTORY, "../samples/ds.demo.yaml", "../samples/ds.demo.nodeSelector.yaml");
        assertEquals(0, text.exitCode(), text.out() + text.err());
        assertTrue(text.out().contains("../samples/ds.demo.yaml:5:7: information: Placement: runs on 2 of 3 nodes"
                + " · excluded: kind-control-plane (taint node-role.kubernetes.io/control-plane:NoSchedule)."
                + " [placement-summary]"), text.out());
        assertTrue(text.out().contains("[placement-no-nodes]"), text.out());
        assertTrue(text.out().contains("No node in the inventory has the label gpu. [placement-unknown-label]"), text.out());
        CliRunner.Result json = run("check", "--format", "json", "--nodes", INVENTORY, "../samples/ds.demo.yaml");
        assertTrue(json.out().contains("\"code\": \"placement-summary\""), json.out());
        CliRunner.Result whatIf = run("check", "../samples/what-if/gpu-on-kind-worker2.yaml");
        assertTrue(whatIf.out().contains("Placement: runs on 1 of 3 nodes"), whatIf.out());
    }

    @Test
    void theReadmeQuickStartShowsPlacementAndExitsOneForTheBrokenSamples() {
        CliRunner.Result run = run("check", "--nodes", INVENTORY, "../samples/");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("[placement-summary]"), run.out());
        assertEquals("", run.err());
    }
}
