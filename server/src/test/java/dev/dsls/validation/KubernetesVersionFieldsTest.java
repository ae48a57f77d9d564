package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withPodSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.analysis.CheckOptions;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.testing.Problems;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A field the schema has but the Kubernetes version checked against does not is what that version's
 * strict decoding says: an unknown field, here with the versions that have it, and nothing about what
 * it holds.
 */
class KubernetesVersionFieldsTest {
    /** Pod-level resources (1.32+) that 1.36's validation finds three errors in. */
    private static final String POD_LEVEL_RESOURCES = daemonSet("", """
            resources:
              requests: {cpu: 100m, ephemeral-storage: 1Gi}
              limits: {memory: 256Mi}
            """, """
            resources:
              requests: {cpu: 200m}
              limits: {memory: 512Mi}
            """);

    private static List<Diagnostic> analyze(String yaml, String version) {
        return Problems.analyze(yaml, new CheckOptions(Set.of(), List.of(), KubernetesVersion.parse(version)));
    }

    /** The API server's errors and warnings at the version, as {@code covered text|field|reason|message}. */
    private static List<String> api(String yaml, String version) {
        return ApiProblems.render(yaml, analyze(yaml, version).stream()
                .filter(d -> d.field() != null || d.severity() == Severity.ERROR).toList());
    }

    private static List<String> unknownFields(String yaml, String version) {
        return ApiProblems.render(yaml, analyze(yaml, version).stream()
                .filter(d -> d.code().equals(SchemaCheck.UNKNOWN_FIELD)).toList());
    }

    /** The unknown fields up to the end of what the version lacks, the fix that follows cut to "...". */
    private static List<String> unknownFieldsWithoutFix(String yaml, String version) {
        return unknownFields(yaml, version).stream().map(line -> line.substring(0, line.indexOf(';') + 1) + "...")
                .toList();
    }

    @Test
    void podLevelResourcesAreAnUnknownFieldIn131AndNothingInsideThemIsValidated() {
        assertEquals(List.of("resources|spec.template.spec.resources|Decode|strict decoding error: unknown field"
                        + " \"spec.template.spec.resources\": Kubernetes 1.31 does not have it (it is in 1.32 and later);"
                        + " remove it, or target a version that has it with --kubernetes-version or kubernetesVersion in"
                        + " .dsls/config.yaml"),
                api(POD_LEVEL_RESOURCES, "1.31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.32", "1.36"})
    void podLevelResourcesAreKnownFrom132(String version) {
        assertEquals(List.of(), unknownFields(POD_LEVEL_RESOURCES, version));
    }

    @Test
    void theNewestVersionStillValidatesWhatPodLevelResourcesHold() {
        List<String> codes = analyze(POD_LEVEL_RESOURCES, "1.36").stream().map(Diagnostic::code).toList();
        assertTrue(codes.contains(ValidationCodes.INVALID_RESOURCES), codes.toString());
    }

    @Test
    void aFieldTheNewestVersionRemovedIsUnknownThereWithTheVersionsThatHaveIt() {
        String yaml = withPodSpec("workloadRef: {name: training, podGroup: workers}");
        assertEquals(List.of("workloadRef|spec.template.spec.workloadRef|Decode|strict decoding error: unknown field"
                        + " \"spec.template.spec.workloadRef\": Kubernetes 1.36 does not have it (it is in 1.35 only);"
                        + " remove it, or target a version that has it with --kubernetes-version or kubernetesVersion in"
                        + " .dsls/config.yaml"),
                unknownFields(yaml, "1.36"));
        assertEquals(List.of("workloadRef|spec.template.spec.workloadRef|Decode|strict decoding error: unknown field"
                        + " \"spec.template.spec.workloadRef\": Kubernetes 1.34 does not have it (it is in 1.35 only);..."),
                unknownFieldsWithoutFix(yaml, "1.34"));
        assertEquals(List.of(), unknownFields(yaml, "1.35"));
    }

    @Test
    void fieldsDeeperDownArriveToo() {
        String yaml = daemonSet("", "securityContext: {seLinuxChangePolicy: Recursive}", """
                lifecycle:
                  stopSignal: SIGTERM
                """);
        assertEquals(List.of("seLinuxChangePolicy|spec.template.spec.securityContext.seLinuxChangePolicy|Decode|strict"
                        + " decoding error: unknown field \"spec.template.spec.securityContext.seLinuxChangePolicy\":"
                        + " Kubernetes 1.31 does not have it (it is in 1.32 and later);...",
                        "stopSignal|spec.template.spec.containers[0].lifecycle.stopSignal|Decode|strict decoding error:"
                        + " unknown field \"spec.template.spec.containers[0].lifecycle.stopSignal\": Kubernetes 1.31 does"
                        + " not have it (it is in 1.33 and later);..."),
                unknownFieldsWithoutFix(yaml, "1.31"));
        assertEquals(1, unknownFields(yaml, "1.32").size(), "1.32 has seLinuxChangePolicy, not stopSignal");
        assertEquals(List.of(), unknownFields(yaml, "1.33"));
    }

    @Test
    void didYouMeanOffersOnlyFieldsOfTheVersion() {
        String yaml = withPodSpec("resource: {limits: {cpu: \"1\"}}");
        assertEquals(List.of("resource|spec.template.spec.resource|Decode|strict decoding error: unknown field"
                + " \"spec.template.spec.resource\": remove it; PodSpec has no such field"), unknownFields(yaml, "1.31"));
        assertEquals(List.of("resource|spec.template.spec.resource|Decode|strict decoding error: unknown field"
                + " \"spec.template.spec.resource\": did you mean \"resources\"?"), unknownFields(yaml, "1.36"));
    }
}
