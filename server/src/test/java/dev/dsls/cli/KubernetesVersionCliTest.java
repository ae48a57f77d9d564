package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --kubernetes-version and kubernetesVersion in .dsls/config.yaml choose the cluster's version the run checks against. */
class KubernetesVersionCliTest {
    /** Valid in 1.36; pod-level resources (line 12) arrived in 1.32. */
    private static final String POD_LEVEL_RESOURCES = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  resources:
                    limits: {cpu: "1", memory: 1Gi}
                  containers:
                  - name: agent
                    image: example.com/agent:1.0
                    resources:
                      requests: {cpu: 200m, memory: 256Mi}
            """;
    private static final String UNSUPPORTED = "1.30 is not a Kubernetes version dsls supports; the supported versions are"
            + " 1.31, 1.32, 1.33, 1.34, 1.35 and 1.36";

    @TempDir
    Path workspace;
    Path manifest;

    @BeforeEach
    void manifest() throws IOException {
        manifest = Files.writeString(workspace.resolve("agent.yaml"), POD_LEVEL_RESOURCES);
    }

    private String unknownField(String version) {
        return manifest + ":12:7: error: strict decoding error: unknown field \"spec.template.spec.resources\":"
                + " Kubernetes " + version + " does not have it (it is in 1.32 and later)";
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.31", "v1.31"})
    void podLevelResourcesAreAnErrorFor131(String flag) {
        CliRunner.Result result = CliRunner.run("check", "--kubernetes-version", flag, manifest.toString());
        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains(unknownField("1.31")), result.out());
        assertTrue(result.out().contains("[unknown-field]"), result.out());
    }

    @Test
    void podLevelResourcesAreFineFor136AndByDefault() {
        for (String[] args : new String[][] {{"check", "--kubernetes-version", "1.36", manifest.toString()},
                {"check", manifest.toString()}}) {
            CliRunner.Result result = CliRunner.run(args);
            assertEquals(0, result.exitCode(), result.out() + result.err());
            assertFalse(result.out().contains("unknown-field"), result.out());
        }
    }

    @Test
    void anUnsupportedVersionIsAUsageErrorListingTheSupportedOnes() {
        CliRunner.Result check = CliRunner.run("check", "--kubernetes-version", "1.30", manifest.toString());
        assertEquals(2, check.exitCode());
        assertEquals("dsls check: --kubernetes-version: " + UNSUPPORTED + "\n", check.err());
        assertEquals("", check.out());
        for (String command : new String[] {"preview", "fleet"}) {
            CliRunner.Result other = CliRunner.run(command, "--kubernetes-version", "1.30", manifest.toString());
            assertEquals(2, other.exitCode(), command);
            assertTrue(other.err().contains("dsls " + command + ": --kubernetes-version: " + UNSUPPORTED), other.err());
        }
        CliRunner.Result diff = CliRunner.run("diff", "--base", "HEAD", "--kubernetes-version", "1.30", manifest.toString());
        assertEquals(2, diff.exitCode());
        assertTrue(diff.err().contains("dsls diff: --kubernetes-version: " + UNSUPPORTED), diff.err());
    }

    @Test
    void theConfigurationsVersionWorksAsTheFlagDoesAndTheFlagWins() throws IOException {
        Files.createDirectories(workspace.resolve(".dsls"));
        Files.writeString(workspace.resolve(".dsls/config.yaml"), "kubernetesVersion: \"1.31\"\n");
        CliRunner.Result configured = CliRunner.run("check", manifest.toString());
        assertEquals(1, configured.exitCode(), configured.out() + configured.err());
        assertTrue(configured.out().contains(unknownField("1.31")), configured.out());
        CliRunner.Result flagged = CliRunner.run("check", "--kubernetes-version", "1.32", manifest.toString());
        assertEquals(0, flagged.exitCode(), flagged.out() + flagged.err());
    }

    @Test
    void anUnsupportedVersionInTheConfigurationIsItsInvalidValue() throws IOException {
        Files.createDirectories(workspace.resolve(".dsls"));
        Files.writeString(workspace.resolve(".dsls/config.yaml"), "kubernetesVersion: \"1.30\"\n");
        CliRunner.Result result = CliRunner.run("check", manifest.toString());
        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("config.yaml:1:20: error: kubernetesVersion: " + UNSUPPORTED
                + ". [config-invalid-value]"), result.out());
        assertFalse(result.out().contains("unknown-field"), "the newest version applies: " + result.out());
    }

    @Test
    void versionListsTheSupportedVersions() {
        CliRunner.Result result = CliRunner.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Kubernetes 1.36 semantics"), result.out());
        assertTrue(result.out().contains("Kubernetes versions: 1.31, 1.32, 1.33, 1.34, 1.35 and 1.36"), result.out());
    }
}
