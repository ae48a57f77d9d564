package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withPodSpec;
import static dev.dsls.validation.ApiProblems.withSpec;

import org.junit.jupiter.api.Test;

/** R2-R16: ValidateDaemonSetSpec with apps/v1 defaults applied. */
class DaemonSetSpecValidationTest {
    private static final String MISMATCH = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: exporter
            spec:
              selector:
                matchLabels:
                  app: node-exporter
              template:
                metadata:
                  labels:
                    app: exporter
                    tier: monitoring
                spec:
                  containers:
                  - name: exporter
                    image: prom/node-exporter:v1.8.2
            """;

    @Test
    void selectorMustMatchTemplateLabels() {
        assertApi(MISMATCH, "labels|spec.template.metadata.labels|Invalid|Invalid"
                + " value: map[string]string{\"app\":\"exporter\", \"tier\":\"monitoring\"}: `selector` does not match"
                + " template `labels`. The selector requires app=node-exporter but the template has app=exporter;"
                + " make them equal (the selector cannot be changed after creation).");
    }

    @Test
    void templateMayCarryExtraLabels() {
        assertAccepted(MISMATCH.replace("app: exporter", "app: node-exporter"));
    }

    @Test
    void aMissingSelectorIsOnlyReportedAsMismatch() {
        String yaml = MISMATCH.replace("  selector:\n    matchLabels:\n      app: node-exporter\n", "");
        assertApi(yaml, "labels|spec.template.metadata.labels|Invalid|Invalid value:"
                + " map[string]string{\"app\":\"exporter\", \"tier\":\"monitoring\"}: `selector` does not match"
                + " template `labels`. Add spec.selector.matchLabels...");
    }

    @Test
    void missingTemplateLabelsPrintANilMap() {
        String yaml = MISMATCH.replace("    metadata:\n      labels:\n        app: exporter\n        tier: monitoring\n", "");
        assertApi(yaml, "template|spec.template.metadata.labels|Invalid|Invalid value: map[string]string(nil):"
                + " `selector` does not match template `labels`...");
    }

    @Test
    void emptySelectorIsInvalid() {
        String yaml = MISMATCH.replace("  selector:\n    matchLabels:\n      app: node-exporter\n", "  selector: {}\n");
        assertApi(yaml, "{}|spec.selector|Invalid|Invalid value: &LabelSelector{MatchLabels:map[string]string{},"
                + "MatchExpressions:[]LabelSelectorRequirement{},}: empty selector is invalid for daemonset...");
    }

    @Test
    void matchExpressionsSelectTemplateLabels() {
        assertAccepted(MISMATCH.replace("    matchLabels:\n      app: node-exporter\n", """
                    matchExpressions:
                    - {key: app, operator: In, values: [exporter, node-exporter]}
                    - {key: tier, operator: Exists}
                    - {key: canary, operator: DoesNotExist}
                    - {key: app, operator: NotIn, values: [web]}
                """));
    }

    @Test
    void invalidSelectorRequirementsAreReportedAndSkipTheMismatch() {
        String yaml = MISMATCH.replace("    matchLabels:\n      app: node-exporter\n", """
                    matchExpressions:
                    - {key: app, operator: In}
                    - {key: tier, operator: Exists, values: [x]}
                    - {key: tier, operator: Equals, values: [x]}
                """);
        assertApi(yaml,
                "{key: app, operator: In}|spec.selector.matchExpressions[0].values|Required|Required value: must be"
                        + " specified when `operator` is 'In' or 'NotIn'. List at least one value.",
                "values|spec.selector.matchExpressions[1].values|Forbidden|Forbidden: may not be specified when"
                        + " `operator` is 'Exists' or 'DoesNotExist'...",
                "Equals|spec.selector.matchExpressions[2].operator|Invalid|Invalid value: \"Equals\": not a valid"
                        + " selector operator...");
    }

    @Test
    void selectorLabelsAreValidated() {
        String yaml = MISMATCH.replace("      app: node-exporter\n", "      app: node exporter\n")
                .replace("app: exporter", "app: node exporter");
        assertApi(yaml, "node exporter|spec.selector.matchLabels|Invalid|Invalid value: \"node exporter\": a valid"
                        + " label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'...",
                "node exporter|spec.template.labels|Invalid|Invalid value: \"node exporter\": a valid label...");
    }

    @Test
    void restartPolicyMustBeAlways() {
        assertApi(withPodSpec("restartPolicy: Never"), "Never|spec.template.spec.restartPolicy|NotSupported|"
                + "Unsupported value: \"Never\": supported values: \"Always\". DaemonSet pods always restart...");
        assertAccepted(withPodSpec("restartPolicy: Always"));
    }

    @Test
    void unknownRestartPolicyGetsBothUpstreamErrors() {
        assertApi(withPodSpec("restartPolicy: Sometimes"),
                "Sometimes|spec.template.spec.restartPolicy|NotSupported|Unsupported value: \"Sometimes\": supported"
                        + " values: \"Always\", \"OnFailure\", \"Never\"...",
                "Sometimes|spec.template.spec.restartPolicy|NotSupported|Unsupported value: \"Sometimes\": supported"
                        + " values: \"Always\". DaemonSet pods always restart...");
    }

    @Test
    void activeDeadlineSecondsIsForbidden() {
        assertApi(withPodSpec("activeDeadlineSeconds: 60"), "activeDeadlineSeconds|spec.template.spec."
                + "activeDeadlineSeconds|Forbidden|Forbidden: activeDeadlineSeconds in DaemonSet is not Supported...");
    }

    @Test
    void ephemeralContainersAreForbiddenInTemplates() {
        assertApi(withPodSpec("ephemeralContainers:\n- name: debug\n  image: busybox:1.36"),
                "ephemeralContainers|spec.template.spec.ephemeralContainers|Forbidden|Forbidden: ephemeral containers"
                        + " not allowed in pod template...");
    }

    @Test
    void countersMustNotBeNegative() {
        assertApi(withSpec("minReadySeconds: -1\nrevisionHistoryLimit: -2"),
                "-1|spec.minReadySeconds|Invalid|Invalid value: -1: must be greater than or equal to 0...",
                "-2|spec.revisionHistoryLimit|Invalid|Invalid value: -2: must be greater than or equal to 0...");
        assertAccepted(withSpec("minReadySeconds: 0\nrevisionHistoryLimit: 0"));
    }

    @Test
    void updateStrategyTypeIsAnEnum() {
        assertApi(withSpec("updateStrategy:\n  type: Recreate"), "Recreate|spec.updateStrategy|NotSupported|"
                + "Unsupported value: apps.DaemonSetUpdateStrategy{Type:\"Recreate\", RollingUpdate:"
                + "(*apps.RollingUpdateDaemonSet)(nil)}: supported values: \"RollingUpdate\", \"OnDelete\"...");
    }

    @Test
    void onDeleteIgnoresRollingUpdate() {
        assertAccepted(withSpec("updateStrategy:\n  type: OnDelete\n  rollingUpdate:\n    maxUnavailable: 0"));
    }

    @Test
    void rollingUpdateDefaultsAreValid() {
        assertAccepted(withSpec("updateStrategy:\n  type: RollingUpdate"));
        assertAccepted(withSpec("updateStrategy:\n  rollingUpdate: {}"));
        assertAccepted(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0\n    maxSurge: 1"));
        assertAccepted(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 25%"));
        assertAccepted(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0\n    maxSurge: 100%"));
    }

    @Test
    void surgeAloneConflictsWithTheDefaultMaxUnavailable() {
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxSurge: 1"),
                "1|spec.updateStrategy.rollingUpdate.maxSurge|Invalid|Invalid value: 1: may not be set when"
                        + " maxUnavailable is non-zero. maxUnavailable defaults to 1: add maxUnavailable: 0 to surge"
                        + " instead.");
    }

    @Test
    void zeroUnavailableAloneLeavesNothingToRollWith() {
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0"),
                "0|spec.updateStrategy.rollingUpdate.maxUnavailable|Required|Required value: cannot be 0 when"
                        + " maxSurge is 0...");
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0%\n    maxSurge: 0"),
                "0%|spec.updateStrategy.rollingUpdate.maxUnavailable|Required|Required value: cannot be 0 when"
                        + " maxSurge is 0...");
    }

    @Test
    void intOrPercentSyntax() {
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 150%"),
                "150%|spec.updateStrategy.rollingUpdate.maxUnavailable|Invalid|Invalid value: 150%: must not be"
                        + " greater than 100%...");
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: -1\n    maxSurge: 1"),
                "-1|spec.updateStrategy.rollingUpdate.maxUnavailable|Invalid|Invalid value: -1: must be greater than"
                        + " or equal to 0...",
                "1|spec.updateStrategy.rollingUpdate.maxSurge|Invalid|Invalid value: 1: may not be set when"
                        + " maxUnavailable is non-zero...");
        // A quoted number is a string that is no percentage; strconv.Atoi still reads it as 2 for the exclusivity rule.
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: \"2\""),
                "\"2\"|spec.updateStrategy.rollingUpdate.maxUnavailable|Invalid|Invalid value: 2: a valid percent"
                        + " string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used"
                        + " for validation is '[0-9]+%')...");
        assertApi(withSpec("updateStrategy:\n  rollingUpdate:\n    maxUnavailable: half"),
                "half|spec.updateStrategy.rollingUpdate.maxUnavailable|Invalid|Invalid value: half: a valid percent...",
                "half|spec.updateStrategy.rollingUpdate.maxUnavailable|Required|Required value: cannot be 0 when"
                        + " maxSurge is 0...");
    }

    @Test
    void aSpecWithoutTemplateStillGetsPodDefaults() {
        String yaml = """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: bare
                spec:
                  selector:
                    matchLabels:
                      app: bare
                """;
        assertApi(yaml, "spec|spec.template.spec.containers|Required|Required value. Add at least one container...",
                "spec|spec.template.metadata.labels|Invalid|Invalid value: map[string]string(nil): `selector`"
                        + " does not match template `labels`...");
    }

    @Test
    void theDaemonSetOfTheTestsIsValid() {
        assertAccepted(daemonSet("", "", ""));
    }
}
