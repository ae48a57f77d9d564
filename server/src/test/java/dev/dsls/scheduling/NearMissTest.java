package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dsls.inventory.Inventory;
import org.junit.jupiter.api.Test;

/** One change that would bring an excluded node in. */
class NearMissTest {
    private static final Inventory NODES = inventory(
            node("plain", "zone=z1", ""),
            node("amd", "gpu=amd,zone=z2", ""),
            node("tainted", "gpu=cuda", "dedicated=gpu:NoSchedule"),
            node("double", "zone=z1", "dedicated=gpu:NoSchedule"),
            node("two-taints", "gpu=cuda", "a:NoSchedule,b:NoExecute"));

    @Test
    void aMissingOrWrongLabelIsOneLabelAway() {
        Placement placement = evaluate(daemonSet("nodeSelector: {gpu: cuda}\n"), NODES);
        assertEquals("label plain with gpu=cuda (kubectl label node plain gpu=cuda)",
                placement.node("plain").nearMiss().message());
        assertEquals("label amd with gpu=cuda (kubectl label node amd gpu=cuda --overwrite)",
                placement.node("amd").nearMiss().message());
        assertNull(placement.node("double").nearMiss(), "a label and a toleration: two changes");
    }

    @Test
    void anUntoleratedTaintIsOneTolerationAway() {
        Placement placement = evaluate(daemonSet("nodeSelector: {gpu: cuda}\n"), NODES);
        NearMiss nearMiss = placement.node("tainted").nearMiss();
        assertEquals(NearMiss.Kind.ADD_TOLERATION, nearMiss.kind());
        assertEquals("{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}", nearMiss.toleration().toString());
        assertNull(placement.node("two-taints").nearMiss());
    }

    @Test
    void affinityExpressionsSuggestTheLabelThatSatisfiesThem() {
        String affinity = """
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: zone, operator: In, values: [z2]}
                        - {key: gpu, operator: NotIn, values: [amd]}
                """;
        Placement placement = evaluate(daemonSet(affinity), NODES);
        assertEquals("label plain with zone=z2 (kubectl label node plain zone=z2 --overwrite)",
                placement.node("plain").nearMiss().message());
        assertEquals("remove the label gpu from amd (kubectl label node amd gpu-)", placement.node("amd").nearMiss().message());
        assertNull(placement.node("tainted").nearMiss(), "label and taint both fail");
    }

    @Test
    void labelsTheMachineOrCloudSetsAreNeverTheAdvice() {
        Inventory mixed = inventory(node("win-1", "kubernetes.io/os=windows,kubernetes.io/arch=amd64", ""),
                node("arm-1", "kubernetes.io/os=linux,kubernetes.io/arch=arm64", ""),
                node("spare", "kubernetes.io/os=linux,kubernetes.io/arch=amd64", ""));
        Placement placement = evaluate(daemonSet("nodeSelector: {kubernetes.io/os: linux, kubernetes.io/arch: amd64}\n"),
                mixed);
        assertNull(placement.node("win-1").nearMiss(), "kubectl label node win-1 kubernetes.io/os=linux would break the pod");
        assertNull(placement.node("arm-1").nearMiss(), "an arm64 node stays arm64");
        Placement byRole = evaluate(daemonSet("nodeSelector: {node-role.kubernetes.io/agent: \"\"}\n"), mixed);
        assertEquals("label spare with node-role.kubernetes.io/agent= (kubectl label node spare node-role.kubernetes.io/agent=)",
                byRole.node("spare").nearMiss().message(), "roles are the operator's choice");
    }

    @Test
    void transientConditionTaintsAreNeverToBeTolerated() {
        Inventory notReady = inventory(node("sick", "zone=z1", "node.kubernetes.io/not-ready:NoSchedule"),
                node("leaving", "zone=z1", "ToBeDeletedByClusterAutoscaler=1700000000:NoSchedule"));
        Placement placement = evaluate(daemonSet(""), notReady);
        assertNull(placement.node("sick").nearMiss());
        assertNull(placement.node("leaving").nearMiss());
    }

    @Test
    void aTemplateNodeNameLeavesNoNearMiss() {
        Placement placement = evaluate(daemonSet("nodeName: plain\n"), NODES);
        assertEquals(java.util.List.of("plain"), Fixtures.running(placement));
        assertEquals(java.util.List.of("nodeName: the template sets nodeName: plain, so only node plain is wanted"),
                Fixtures.reasons(placement, "amd"));
        assertNull(placement.node("amd").nearMiss());
    }
}
