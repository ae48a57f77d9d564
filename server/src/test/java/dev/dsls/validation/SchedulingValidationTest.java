package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R90-R108: tolerations, nodeSelector, node and pod affinity, topology spread. */
class SchedulingValidationTest {
    @Test
    void tolerationOperatorsAndEffects() {
        assertApi(withPodSpec("""
                tolerations:
                - {key: dedicated, operator: equal, value: gpu}
                - {key: dedicated, operator: Exists, effect: NoScheduled}
                """),
                "equal|spec.template.spec.tolerations[0].operator|NotSupported|Unsupported value: \"equal\": supported"
                        + " values: \"Equal\", \"Exists\"...",
                "NoScheduled|spec.template.spec.tolerations[1].effect|NotSupported|Unsupported value: \"NoScheduled\":"
                        + " supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\". Did you mean"
                        + " NoSchedule?");
    }

    @Test
    @DisplayName("ValidateTolerations (1.35+): a value with Exists is printed as the value, at .operator")
    void tolerationValuesAreReportedAtTheOperator() {
        assertApi(withPodSpec("""
                tolerations:
                - {key: dedicated, operator: Exists, value: gpu}
                - {key: dedicated, value: "gpu only"}
                """),
                "gpu|spec.template.spec.tolerations[0].operator|Invalid|Invalid value: \"gpu\": value must be empty"
                        + " when `operator` is 'Exists'...",
                "\"gpu only\"|spec.template.spec.tolerations[1].operator|Invalid|Invalid value: \"gpu only\": a valid"
                        + " label must be an empty string...");
    }

    @Test
    @DisplayName("ValidateTolerations: Lt and Gt need TaintTolerationComparisonOperators, off by default in 1.36")
    void numericTolerationOperatorsAreNotSupported() {
        assertApi(withPodSpec("tolerations:\n- {key: cores, operator: Gt, value: \"4\"}"),
                "Gt|spec.template.spec.tolerations[0].operator|NotSupported|Unsupported value: \"Gt\": supported"
                        + " values: \"Equal\", \"Exists\", \"Lt\", \"Gt\"...");
    }

    @Test
    void anEmptyKeyNeedsExists() {
        assertApi(withPodSpec("tolerations:\n- {operator: Equal, value: x}"),
                "Equal|spec.template.spec.tolerations[0].operator|Invalid|Invalid value: \"Equal\": operator must be"
                        + " Exists when `key` is empty, which means \"match all values and all keys\"...");
        assertAccepted(withPodSpec("tolerations:\n- operator: Exists"));
    }

    @Test
    void tolerationSecondsNeedsNoExecute() {
        assertApi(withPodSpec("tolerations:\n- {key: node.kubernetes.io/unreachable, operator: Exists,"
                        + " tolerationSeconds: 300}"),
                "{key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}|spec.template.spec."
                        + "tolerations[0].effect|Invalid|Invalid value: \"\": effect must be 'NoExecute' when"
                        + " `tolerationSeconds` is set...");
        assertAccepted(withPodSpec("tolerations:\n- {key: node.kubernetes.io/unreachable, operator: Exists,"
                + " effect: NoExecute, tolerationSeconds: -1}"));
    }

    @Test
    void tolerationKeysAreQualifiedNames() {
        assertApi(withPodSpec("tolerations:\n- {key: \"node role\", operator: Exists}"),
                "\"node role\"|spec.template.spec.tolerations[0].key|Invalid|Invalid value: \"node role\": name part"
                        + " must consist of alphanumeric characters...");
    }

    @Test
    void nodeSelectorIsALabelMap() {
        assertApi(withPodSpec("nodeSelector:\n  disk type: ssd\n  zone: eu west"),
                "disk type|spec.template.spec.nodeSelector|Invalid|Invalid value: \"disk type\": name part must consist"
                        + " of alphanumeric characters...",
                "eu west|spec.template.spec.nodeSelector|Invalid|Invalid value: \"eu west\": a valid label must be an"
                        + " empty string...");
    }

    @Test
    void requiredNodeAffinity() {
        String path = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
        assertApi(withPodSpec("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms: []
                """), "[]|" + path + ".nodeSelectorTerms|Required|Required value: must have at least one node selector"
                + " term...");
        assertApi(withPodSpec("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: gpu, operator: In}
                        - {key: gpu, operator: Exists, values: ["true"]}
                        - {key: cores, operator: Gt, values: ["4", "8"]}
                        - {key: cores, operator: GreaterThan, values: ["4"]}
                        - {key: zone, operator: In, values: ["eu west"]}
                        - {key: cores, operator: Lt, values: [many]}
                """),
                "{key: gpu, operator: In}|" + path + ".nodeSelectorTerms[0].matchExpressions[0].values|Required|"
                        + "Required value: must be specified when `operator` is 'In' or 'NotIn'...",
                "values|" + path + ".nodeSelectorTerms[0].matchExpressions[1].values|Forbidden|Forbidden: may not be"
                        + " specified when `operator` is 'Exists' or 'DoesNotExist'...",
                "[\"4\", \"8\"]|" + path + ".nodeSelectorTerms[0].matchExpressions[2].values|Required|Required value:"
                        + " must be specified single value when `operator` is 'Lt' or 'Gt'...",
                "GreaterThan|" + path + ".nodeSelectorTerms[0].matchExpressions[3].operator|Invalid|Invalid value:"
                        + " \"GreaterThan\": not a valid selector operator...",
                "\"eu west\"|" + path + ".nodeSelectorTerms[0].matchExpressions[4].values[0]|Invalid|Invalid value:"
                        + " \"eu west\": a valid label must be an empty string...");
    }

    @Test
    void matchFieldsOnlyKnowTheNodeName() {
        String path = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + ".nodeSelectorTerms[0].matchFields";
        assertApi(withPodSpec("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchFields:
                        - {key: metadata.name, operator: In, values: [node-1, node-2]}
                        - {key: spec.unschedulable, operator: Exists}
                """),
                "[node-1, node-2]|" + path + "[0].values|Required|Required value: must be only one value when"
                        + " `operator` is 'In' or 'NotIn' for node field selector...",
                "spec.unschedulable|" + path + "[1].key|Invalid|Invalid value: \"spec.unschedulable\": not a valid"
                        + " field selector key...",
                "Exists|" + path + "[1].operator|Invalid|Invalid value: \"Exists\": not a valid selector operator...");
    }

    @Test
    void preferredWeights() {
        assertApi(withPodSpec("""
                affinity:
                  nodeAffinity:
                    preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 0
                      preference:
                        matchExpressions: [{key: zone, operator: In, values: ["eu west"]}]
                """), "0|spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
                + ".weight|Invalid|Invalid value: 0: must be in the range 1-100...");
    }

    @Test
    void podAffinityTerms() {
        String path = "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
        assertApi(withPodSpec("""
                affinity:
                  podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                    - labelSelector: {matchLabels: {app: agent}}
                      namespaces: [Kube-System]
                      topologyKey: ""
                """),
                "Kube-System|" + path + ".namespace|Invalid|Invalid value: \"Kube-System\": a lowercase RFC 1123"
                        + " label...",
                "\"\"|" + path + ".topologyKey|Required|Required value: can not be empty...",
                "\"\"|" + path + ".topologyKey|Invalid|Invalid value: \"\": name part must be non-empty...",
                "\"\"|" + path + ".topologyKey|Invalid|Invalid value: \"\": name part must consist of alphanumeric"
                        + " characters...");
    }

    @Test
    void topologySpreadConstraints() {
        String path = "spec.template.spec.topologySpreadConstraints";
        assertApi(withPodSpec("""
                topologySpreadConstraints:
                - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}
                - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}
                - {maxSkew: 1, topologyKey: "", whenUnsatisfiable: Never, minDomains: 2, labelSelector: {}}
                """),
                "0|" + path + "[0].maxSkew|Invalid|Invalid value: 0: must be greater than zero...",
                "zone|" + path + "[0].{topologyKey, whenUnsatisfiable}|Duplicate|Duplicate value: \"{zone,"
                        + " DoNotSchedule}\"...",
                "\"\"|" + path + "[2].topologyKey|Required|Required value: can not be empty...",
                "Never|" + path + "[2].whenUnsatisfiable|NotSupported|Unsupported value: \"Never\": supported values:"
                        + " \"DoNotSchedule\", \"ScheduleAnyway\"...",
                "2|" + path + "[2].minDomains|Invalid|Invalid value: 2: can only use minDomains if"
                        + " whenUnsatisfiable=DoNotSchedule, not Never...");
    }
}
