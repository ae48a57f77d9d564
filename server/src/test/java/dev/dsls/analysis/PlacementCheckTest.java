package dev.dsls.analysis;

import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.Inventory;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.testing.Problems;
import dev.dsls.analysis.CheckOptions;
import dev.dsls.analysis.ManifestFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The placement diagnostics of check --nodes. */
class PlacementCheckTest {
    private static final Inventory KIND = inventory(
            node("kind-control-plane", "kubernetes.io/hostname=kind-control-plane,node-role.kubernetes.io/control-plane=",
                    "node-role.kubernetes.io/control-plane:NoSchedule"),
            node("kind-worker", "kubernetes.io/hostname=kind-worker,gpu=nvidia", ""),
            node("kind-worker2", "kubernetes.io/hostname=kind-worker2,gpu=amd", "", "cpu: 500m\n    pods: \"110\""));

    private static List<Diagnostic> check(String yaml, Inventory inventory, String... codes) {
        return Problems.analyze(yaml, new CheckOptions(Set.of(), List.of(new PlacementCheck(inventory, new PlacementCache())))).stream()
                .filter(d -> List.of(codes).contains(d.code())).toList();
    }

    @Test
    void aDaemonSetOnNodesOfSeveralOperatingSystemsWithoutChoosingOneIsAWarning() {
        Inventory mixed = inventory(node("linux-1", "kubernetes.io/os=linux,kubernetes.io/arch=amd64", ""),
                node("linux-2", "kubernetes.io/os=linux,kubernetes.io/arch=amd64", ""),
                node("win-1", "kubernetes.io/os=windows,kubernetes.io/arch=amd64", ""));
        String yaml = daemonSet("");
        Problems.assertProblems(yaml, check(yaml, mixed, PlacementCheck.MIXED_PLATFORM),
                "DaemonSet|This DaemonSet would run on nodes of several operating systems: linux (2), windows (1). A"
                        + " container image runs on one OS, so its pods fail on the others; add nodeSelector"
                        + " kubernetes.io/os: linux (or the OS its image is built for).");
        String chosen = daemonSet("nodeSelector: {kubernetes.io/os: linux}\n");
        Problems.assertProblems(chosen, check(chosen, mixed, PlacementCheck.MIXED_PLATFORM));
    }

    @Test
    void theSummarySitsOnTheKindAndNamesTheExcludedNodes() {
        String yaml = daemonSet("");
        Problems.assertProblems(yaml, check(yaml, KIND, PlacementCheck.SUMMARY),
                "DaemonSet|Placement: runs on 2 of 3 nodes · excluded: kind-control-plane (taint"
                        + " node-role.kubernetes.io/control-plane:NoSchedule).");
    }

    @Test
    void aDaemonSetThatRunsNowhereIsAWarningOnWhatExcludesMostNodes() {
        String yaml = daemonSet("nodeSelector:\n  gpu: cuda\n");
        Problems.assertProblems(yaml, check(yaml, KIND, PlacementCheck.NO_NODES, PlacementCheck.UNKNOWN_LABEL),
                "gpu|This DaemonSet runs on none of the 3 nodes in the inventory: kind-control-plane (nodeSelector"
                        + " gpu=cuda +1 more), kind-worker (nodeSelector gpu=cuda), kind-worker2 (nodeSelector gpu=cuda).",
                "cuda|No node in the inventory has gpu=cuda; the values of gpu are amd (1), nvidia (1).");
    }

    @Test
    void unknownLabelKeysGetADidYouMeanFromTheInventory() {
        String yaml = daemonSet("""
                nodeSelector:
                  kubernetes.io/hostnam: kind-worker
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: gpu, operator: In, values: [nvidiaa, amd]}
                        - {key: zone, operator: NotIn, values: [z1]}
                        matchFields:
                        - {key: metadata.name, operator: In, values: [kind-wroker]}
                """);
        List<Diagnostic> diagnostics = check(yaml, KIND, PlacementCheck.UNKNOWN_LABEL);
        Problems.assertProblems(yaml, diagnostics,
                "kubernetes.io/hostnam|No node in the inventory has the label kubernetes.io/hostnam. Did you mean"
                        + " kubernetes.io/hostname?",
                "nvidiaa|No node in the inventory has gpu=nvidiaa; the values of gpu are amd (1), nvidia (1). Did you mean nvidia?",
                "kind-wroker|No node in the inventory is named kind-wroker. Did you mean kind-worker?");
        assertEquals("kubernetes.io/hostname", diagnostics.get(0).data().get("suggestion"));
    }

    @Test
    void aTolerationNoTaintNeedsIsInformationButConditionTaintsAreLeftAlone() {
        String yaml = daemonSet("""
                tolerations:
                - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
                - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
                - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                """);
        Problems.assertProblems(yaml, check(yaml, KIND, PlacementCheck.UNUSED_TOLERATION),
                "{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}|The toleration {key: dedicated,"
                        + " operator: Equal, value: gpu, effect: NoSchedule} matches no taint on the 3 nodes of the"
                        + " inventory; the taints are node-role.kubernetes.io/control-plane:NoSchedule.");
    }

    @Test
    void desiredPodsThatStayPendingNameTheNodesAndTheShortfall() {
        String yaml = daemonSet("").replace("        image: busybox:1.36\n",
                "        image: busybox:1.36\n        resources:\n          requests:\n            cpu: 600m\n");
        Problems.assertProblems(yaml, check(yaml, KIND, PlacementCheck.PENDING),
                "600m|1 of the 2 desired pods will stay Pending: kind-worker2 (needs cpu 600m, 500m free (allocatable 500m,"
                        + " 0 requested by the pods already there)).");
    }

    @Test
    void aFileWithItsOwnNodesIsAWhatIfAndWithoutAnyInventoryNothingIsChecked() {
        String yaml = node("solo", "gpu=cuda", "") + "---\n" + daemonSet("nodeSelector: {gpu: cuda}\n");
        ManifestFile whatIf = ManifestFile.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, whatIf.inventory(Inventory.EMPTY).size());
        assertTrue(new Analysis().diagnostics(whatIf, Inventory.EMPTY, Set.of(), KubernetesSchema.get().newest()).stream()
                .anyMatch(d -> d.message().equals("Placement: runs on 1 of 1 node.")));
        ManifestFile alone = ManifestFile.read("g.yaml", daemonSet("").getBytes(StandardCharsets.UTF_8));
        assertTrue(new Analysis().diagnostics(alone, Inventory.EMPTY, Set.of(), KubernetesSchema.get().newest()).stream()
                .noneMatch(d -> d.code().startsWith("placement-")));
    }
}
