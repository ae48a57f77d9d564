package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.daemonSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.analysis.CheckOptions;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.testing.Problems;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row of docs/kubernetes-versions.md's feature-gate table: what the API server of a version,
 * with its default feature gates, accepts, refuses or drops.
 */
class FeatureGateValidationTest {
    private static List<String> problems(String yaml, String version, String code) {
        List<Diagnostic> found = Problems.analyze(yaml, new CheckOptions(Set.of(), List.of(),
                KubernetesVersion.parse(version)));
        return ApiProblems.render(yaml, found.stream().filter(d -> d.code().equals(code)).toList());
    }

    private static final String DIGIT_FIRST_ENV = daemonSet("", "", """
            env:
            - name: 1ST_VAR
              value: x
            """);

    @ParameterizedTest(name = "{0}: {1} problem(s)")
    @CsvSource({"1.31, 1", "1.32, 0", "1.36, 0"})
    void relaxedEnvironmentVariableNamesFrom132(String version, int count) {
        List<String> found = problems(DIGIT_FIRST_ENV, version, ValidationCodes.INVALID_ENV);
        assertEquals(count, found.size(), found.toString());
        if (count == 1) {
            assertEquals("1ST_VAR|spec.template.spec.containers[0].env[0].name|Invalid|Invalid value: \"1ST_VAR\": a"
                    + " valid environment variable name must consist of alphabetic characters, digits, '_', '-', or"
                    + " '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1',"
                    + " regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*'). Variable names are letters,"
                    + " digits, '_', '-' and '.', not starting with a digit, before Kubernetes 1.32"
                    + " (RelaxedEnvironmentVariableValidation); rename it or target 1.32 or later.", found.get(0));
        }
    }

    private static final String ZERO_SLEEP = daemonSet("", "", """
            lifecycle:
              preStop:
                sleep: {seconds: 0}
            """);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
            "1.31#{seconds: 0}|spec.template.spec.containers[0].lifecycle.preStop.sleep|Invalid|Invalid value: 0: must be"
                    + " greater than 0 and less than terminationGracePeriodSeconds (30). Sleep at least one second, or"
                    + " target Kubernetes 1.33 or later.",
            "1.32#{seconds: 0}|spec.template.spec.containers[0].lifecycle.preStop.sleep|Invalid|Invalid value: 0: must be"
                    + " greater than 0 and less than terminationGracePeriodSeconds (30). Enable"
                    + " AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep. Sleep at least one second,"
                    + " or target Kubernetes 1.33 or later.",
            "1.33#",
            "1.36#"})
    void zeroSecondSleepFrom133(String version, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected),
                problems(ZERO_SLEEP, version, ValidationCodes.INVALID_LIFECYCLE));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "resources,                 1.32, 1", "resources,                 1.33, 1", "resources,                 1.34, 0",
            "hostnameOverride,          1.34, 1", "hostnameOverride,          1.35, 0",
            "hostUsers,                 1.31, 1", "hostUsers,                 1.32, 1", "hostUsers,                 1.33, 0",
            "resourceClaims,            1.33, 1", "resourceClaims,            1.34, 0"})
    void gatedPodFieldsAreDroppedUntilTheirGateIsOnByDefault(String field, String version, int count) {
        String value = switch (field) {
            case "resources" -> "resources:\n  requests: {cpu: 100m}\n";
            case "hostnameOverride" -> "hostnameOverride: agent\n";
            case "hostUsers" -> "hostUsers: false\n";
            default -> "resourceClaims:\n- name: gpu\n  resourceClaimTemplateName: gpu\n";
        };
        List<String> found = problems(daemonSet("", value, ""), version, ValidationCodes.FIELD_DROPPED);
        assertEquals(count, found.size(), found.toString());
        if (count == 1) {
            String line = found.get(0);
            assertEquals(field + "|spec.template.spec." + field + "|Warning|Kubernetes " + version + " drops"
                    + " spec.template.spec." + field, line.substring(0, line.indexOf(':')));
        }
    }

    /** The container-level and volume rows: the field, its YAML ("; " between lines), and the first version that keeps it. */
    @ParameterizedTest(name = "{0} kept from {3}")
    @CsvSource(delimiter = '#', value = {
            "containers[0].resizePolicy#container#resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]#1.33#1.32",
            "securityContext.supplementalGroupsPolicy#pod#securityContext: {supplementalGroupsPolicy: Strict}#1.33#1.32",
            "securityContext.seLinuxChangePolicy#pod#securityContext: {seLinuxChangePolicy: Recursive}#1.33#1.32",
            "volumes[0].image#pod#volumes: [{name: data, image: {reference: example.com/data:1}}]#1.35#1.34",
            "containers[0].env[0].valueFrom.fileKeyRef#container#env: [{name: A, valueFrom: {fileKeyRef: {volumeName: v,"
                    + " path: a.env, key: A}}}]#1.35#1.34",
            "containers[0].restartPolicyRules#container#restartPolicy: Never; restartPolicyRules: [{action: Restart,"
                    + " exitCodes: {operator: In, values: [42]}}]#1.35#1.34"})
    void containerAndVolumeFieldsAreDroppedUntilTheirGateIsOnByDefault(String field, String where, String yaml,
                                                                        String keptFrom, String droppedIn) {
        String lines = yaml.replace("; ", "\n") + "\n";
        String manifest = where.equals("pod") ? daemonSet("", lines, "") : daemonSet("", "", lines);
        List<String> dropped = problems(manifest, droppedIn, ValidationCodes.FIELD_DROPPED);
        assertEquals(1, dropped.size(), dropped.toString());
        String line = dropped.get(0);
        assertEquals("spec.template.spec." + field + "|Warning|Kubernetes " + droppedIn + " drops spec.template.spec."
                + field, line.substring(line.indexOf('|') + 1, line.indexOf(':', line.indexOf("drops"))));
        assertEquals(List.of(), problems(manifest, keptFrom, ValidationCodes.FIELD_DROPPED));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"1.33, 1", "1.36, 1"})
    void stopSignalsAreDroppedInEverySupportedVersion(String version, int count) {
        String yaml = daemonSet("", "os: {name: linux}\n", "lifecycle:\n  stopSignal: SIGTERM\n");
        assertEquals(count, problems(yaml, version, ValidationCodes.FIELD_DROPPED).size());
    }
}
