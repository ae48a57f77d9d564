package dev.dsls.scheduling;

import static dev.dsls.scheduling.Fixtures.codes;
import static dev.dsls.scheduling.Fixtures.daemonSet;
import static dev.dsls.scheduling.Fixtures.evaluate;
import static dev.dsls.scheduling.Fixtures.inventory;
import static dev.dsls.scheduling.Fixtures.node;
import static dev.dsls.scheduling.Fixtures.reasons;
import static dev.dsls.scheduling.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.inventory.Inventory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nodeSelector and required node affinity (placement-semantics 5–8). */
class NodeAffinityTest {
    private static final Inventory NODES = inventory(
            node("a", "zone=z1,disk=ssd,cores=8,empty=", ""),
            node("b", "zone=z2,disk=hdd,cores=16", ""),
            node("c", "zone=z3", ""));

    private static List<String> runningWith(String templateSpec) {
        return running(evaluate(daemonSet(templateSpec), NODES));
    }

    private static String required(String terms) {
        return "affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n"
                + Fixtures.indent(terms, 6);
    }

    @Test
    void nodeSelectorNeedsEveryKeyWithExactlyThatValue() {
        assertEquals(List.of("a"), runningWith("nodeSelector:\n  zone: z1\n  disk: ssd\n"));
        assertEquals(List.of(), runningWith("nodeSelector:\n  zone: z1\n  disk: hdd\n"));
        assertEquals(List.of("a"), runningWith("nodeSelector:\n  empty: \"\"\n"), "\"\" needs the label with an empty value");
        assertEquals(List.of("a", "b", "c"), runningWith("nodeSelector: {}\n"));
    }

    @Test
    void termsAreOredAndExpressionsAnded() {
        assertEquals(List.of("a", "c"), runningWith(required("""
                - matchExpressions:
                  - {key: zone, operator: In, values: [z1, z3]}
                - matchExpressions:
                  - {key: disk, operator: In, values: [nvme]}
                """)));
        assertEquals(List.of("b"), runningWith(required("""
                - matchExpressions:
                  - {key: zone, operator: NotIn, values: [z1]}
                  - {key: cores, operator: Gt, values: ["8"]}
                """)));
    }

    @Test
    void anEmptyTermSelectsNothingButIsHarmlessBesideAValidOne() {
        assertEquals(List.of(), runningWith(required("- {}\n")));
        assertEquals(List.of("b"), runningWith(required("- {}\n- matchExpressions: [{key: disk, operator: In, values: [hdd]}]\n")));
    }

    @Test
    void aParseErrorTermNeverMatchesWhileOtherTermsStillCount() {
        assertEquals(List.of("c"), runningWith(required("""
                - matchExpressions: [{key: cores, operator: Gt, values: [ten]}]
                - matchExpressions: [{key: zone, operator: In, values: [z3]}]
                """)));
        var placement = evaluate(daemonSet(required("- matchExpressions: [{key: cores, operator: Gt, values: [\"1.5\"]}]\n")), NODES);
        assertEquals(List.of("nodeAffinity: required node affinity does not match: Gt value \"1.5\" is not an integer,"
                + " so the term never matches"), reasons(placement, "a"));
    }

    @Test
    void matchFieldsMatchesTheNodeNameWhileAMetadataNameExpressionIsALabel() {
        assertEquals(List.of("b"), runningWith(required("- matchFields: [{key: metadata.name, operator: In, values: [b]}]\n")));
        assertEquals(List.of("a", "c"), runningWith(required("- matchFields: [{key: metadata.name, operator: NotIn, values: [b]}]\n")));
        assertEquals(List.of(), runningWith(required("- matchExpressions: [{key: metadata.name, operator: In, values: [b]}]\n")));
        assertEquals(List.of(), runningWith(required("- matchFields: [{key: metadata.name, operator: In, values: [a, b]}]\n")),
                "matchFields needs exactly one value");
        assertEquals(List.of("a"), runningWith(required("""
                - matchFields: [{key: metadata.name, operator: In, values: [a]}]
                  matchExpressions: [{key: zone, operator: Exists}]
                """)), "fields and expressions are ANDed");
    }

    @Test
    void nodeSelectorAndAffinityAreBothRequiredAndPreferredTermsNeverFilter() {
        assertEquals(List.of("a"), runningWith("nodeSelector: {disk: ssd}\n"
                + required("- matchExpressions: [{key: cores, operator: Exists}]\n")));
        assertEquals(List.of("a", "b", "c"), runningWith("""
                affinity:
                  nodeAffinity:
                    preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 1
                      preference:
                        matchExpressions: [{key: zone, operator: In, values: [z9]}]
                """));
    }

    @Test
    void reasonsNameTheLabelAndPutNodeSelectorBeforeAffinity() {
        var placement = evaluate(daemonSet("nodeSelector: {disk: ssd}\n"
                + required("- matchExpressions: [{key: cores, operator: Gt, values: [\"8\"]}]\n")), NODES);
        assertEquals(List.of(
                "nodeSelector: node has disk=hdd; the nodeSelector wants disk=ssd"), reasons(placement, "b"));
        assertEquals(List.of("nodeSelector: node has no label disk; the nodeSelector wants disk=ssd",
                "nodeAffinity: required node affinity does not match: cores>8, node has no label cores"),
                reasons(placement, "c"));
        assertEquals(List.of("nodeAffinity"), codes(placement, "a"));
    }
}
