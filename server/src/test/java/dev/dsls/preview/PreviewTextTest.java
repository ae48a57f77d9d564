package dev.dsls.preview;

import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.inventory.Inventory;
import dev.dsls.scheduling.Placement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The placement as text at cluster size: grouped by outcome and reason, with counts. */
class PreviewTextTest {
    /** 30 workers with an SSD, 4 without, 3 control-plane nodes: long names, as EKS gives them. */
    private static Inventory pool() {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            nodes.add(node("ip-10-0-0-" + i + ".eu-west-1.compute.internal", "disktype=ssd", ""));
        }
        for (int i = 0; i < 4; i++) {
            nodes.add(node("ip-10-0-1-" + i + ".eu-west-1.compute.internal", "disktype=hdd", ""));
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(node("cp-" + i, "disktype=ssd,node-role.kubernetes.io/control-plane=",
                    "node-role.kubernetes.io/control-plane:NoSchedule"));
        }
        return inventory(nodes.toArray(String[]::new));
    }

    private static String text(Placement placement, int nodesShown) {
        StringWriter text = new StringWriter();
        PreviewText.print(new PrintWriter(text, true), List.of(new PreviewText.Previewed("ds.yaml", placement)), nodesShown);
        return text.toString();
    }

    @Test
    void manyNodesAreGroupedByOutcomeAndReasonWithCounts() {
        Placement placement = evaluate(daemonSet("nodeSelector: {disktype: ssd}\n"), pool());
        assertEquals("""
                ds.yaml: DaemonSet default/demo over 37 nodes
                NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR
                demo   30        0         0       0            0           disktype=ssd

                RUNS   NODES   REASON                                                   FOR EXAMPLE
                yes    30                                                               ip-10-0-0-0.eu-west-1.compute.internal, ip-10-0-0-1.eu-west-1.compute.internal, ip-10-0-0-2.eu-west-1.compute.internal, +27 more
                no     4       nodeSelector disktype=ssd                                ip-10-0-1-0.eu-west-1.compute.internal, ip-10-0-1-1.eu-west-1.compute.internal, ip-10-0-1-2.eu-west-1.compute.internal, +1 more
                no     3       taint node-role.kubernetes.io/control-plane:NoSchedule   cp-0, cp-1, cp-2
                near miss on 4 nodes (ip-10-0-1-0.eu-west-1.compute.internal, ip-10-0-1-1.eu-west-1.compute.internal, ip-10-0-1-2.eu-west-1.compute.internal, +1 more): label the node with disktype=ssd (kubectl label node NODE disktype=ssd)
                near miss on 3 nodes (cp-0, cp-1, cp-2): add the toleration {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule} to spec.template.spec.tolerations
                (37 nodes, grouped; --nodes-shown 37 lists each)
                rollout: RollingUpdate, maxUnavailable 1, maxSurge 0: 30 waves, at least 0s (minReadySeconds 0); up to 1 node at a time lose their old pod before the new one starts
                """, text(placement, PreviewText.NODES_SHOWN));
        assertEquals(4 + 1 + 37 + 7 + 1, text(placement, 37).lines().count(), "a row per node and a near miss per excluded node");
    }

    @Test
    void theSummaryNamesWhatKeepsTheNodesOut() {
        Placement placement = evaluate(daemonSet("nodeSelector: {disktype: ssd}\n"), pool());
        assertEquals("runs on 30 of 37 nodes · excluded: 4 by nodeSelector disktype=ssd, 3 by taint"
                + " node-role.kubernetes.io/control-plane:NoSchedule", PlacementSummary.of(placement));
    }

    @Test
    void withNoNodeDesiredEveryViewSaysThereIsNothingToRollOut() {
        Placement placement = evaluate(daemonSet("nodeSelector: {disktype: nvme}\n"), pool());
        assertEquals("no node is desired, so there is nothing to roll out", placement.rollout().note());
        assertEquals(true, text(placement, 100).endsWith("rollout: RollingUpdate: no node is desired, so there is nothing"
                + " to roll out\n"), text(placement, 100));
    }
}
