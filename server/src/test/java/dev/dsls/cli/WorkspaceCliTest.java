package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The CLI in a team's repository: the workspace's .dsls folder, its configuration, CI formats and Helm. */
class WorkspaceCliTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final String DEMO = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                  - name: demo
                    image: busybox:latest
            """;

    @TempDir
    Path repo;
    Path manifests;

    @BeforeEach
    void workspace() throws IOException {
        Files.createDirectories(repo.resolve(".dsls"));
        Files.copy(SAMPLES.resolve(".dsls/inventory.yaml"), repo.resolve(".dsls/inventory.yaml"));
        manifests = Files.createDirectories(repo.resolve("deploy/agents"));
        Files.writeString(manifests.resolve("demo.yaml"), DEMO);
    }

    private List<String> codes(CliRunner.Result result) {
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        return json.getAsJsonArray("files").asList().stream()
                .flatMap(file -> file.getAsJsonObject().getAsJsonArray("diagnostics").asList().stream())
                .map(d -> d.getAsJsonObject().get("code").getAsString()).distinct().sorted().toList();
    }

    @Test
    void withoutNodesTheWorkspaceInventoryIsUsedAndSaidSo() {
        CliRunner.Result result = CliRunner.run("check", manifests.resolve("demo.yaml").toString());
        assertTrue(result.err().contains("inventory") && result.err().contains(": 3 nodes (workspace " + repo.toAbsolutePath()),
                result.err());
        assertTrue(result.out().contains("Placement: runs on 2 of 3 nodes"), result.out());
        CliRunner.Result preview = CliRunner.run("preview", manifests.toString());
        assertEquals(0, preview.exitCode(), preview.err());
        assertTrue(preview.out().contains("DaemonSet default/demo over 3 nodes"), preview.out());
    }

    @Test
    void theTextShowsErrorsWarningsAndThePlacementUnlessAskedForMore() {
        String file = manifests.resolve("demo.yaml").toString();
        CliRunner.Result signal = CliRunner.run("check", file);
        assertEquals(0, signal.exitCode());
        assertTrue(signal.out().lines().noneMatch(line -> line.contains(": information: ") && !line.contains("Placement:")),
                signal.out());
        assertTrue(signal.out().contains(": warning: ") && signal.out().contains("[latest-tag]"), signal.out());
        CliRunner.Result all = CliRunner.run("check", "--min-severity", "information", file);
        assertTrue(all.out().contains("[missing-readiness-probe]"), all.out());
        CliRunner.Result errorsOnly = CliRunner.run("check", "--min-severity", "error", "--format", "json", file);
        assertEquals(List.of(), codes(errorsOnly));
        JsonObject summary = JsonParser.parseString(errorsOnly.out()).getAsJsonObject().getAsJsonObject("summary");
        assertEquals(0, summary.get("information").getAsInt());
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        String file = manifests.resolve("demo.yaml").toString();
        assertEquals(1, CliRunner.run("check", "--fail-on", "warning", file).exitCode());
        Files.writeString(manifests.resolve("demo.yaml"), DEMO.replace("apps/v1", "apps/v1beta2"));
        assertEquals(1, CliRunner.run("check", file).exitCode());
        CliRunner.Result reportOnly = CliRunner.run("check", "--fail-on", "never", file);
        assertEquals(0, reportOnly.exitCode());
        assertTrue(reportOnly.out().contains("[unserved-api-version]"), reportOnly.out());
        CliRunner.Result wrong = CliRunner.run("check", "--fail-on", "warnings", file);
        assertEquals(2, wrong.exitCode());
        assertEquals("dsls check: --fail-on warnings: use error, warning, information, never\n", wrong.err());
    }

    @Test
    void theConfigurationTurnsChecksOffRaisesThemAndSetsTheDefaults() throws IOException {
        Files.writeString(repo.resolve(".dsls/config.yaml"), """
                checks:
                  disabled: [missing-memory-limit]
                  severity:
                    latest-tag: error
                minSeverity: information
                failOn: error
                """);
        CliRunner.Result result = CliRunner.run("check", "--format", "json", manifests.toString());
        assertEquals(1, result.exitCode(), result.err());
        List<String> codes = codes(result);
        assertTrue(codes.contains("latest-tag") && codes.contains("missing-readiness-probe") && !codes.contains("missing-memory-limit"),
                codes.toString());
        assertTrue(result.out().contains("\"severity\": \"error\",\n          \"code\": \"latest-tag\""), result.out());
        CliRunner.Result flagWins = CliRunner.run("check", "--fail-on", "never", manifests.toString());
        assertEquals(0, flagWins.exitCode());
    }

    @Test
    void aBadConfigurationIsADiagnosticOnItsLineNeverACrash() throws IOException {
        Files.writeString(repo.resolve(".dsls/config.yaml"), "checks:\n  disable: [latest-tag]\n  severity:\n"
                + "    latest-tags: error\nfailOn: warnings\n");
        CliRunner.Result result = CliRunner.run("check", manifests.toString());
        String config = repo.resolve(".dsls/config.yaml").toString();
        assertTrue(result.out().contains(config + ":2:3: warning: Unknown key \"checks.disable\"; did you mean"
                + " \"checks.disabled\"? [config-unknown-key]"), result.out());
        assertTrue(result.out().contains(config + ":4:5: warning: dsls has no check \"latest-tags\"; did you mean"
                + " \"latest-tag\"? [config-unknown-code]"), result.out());
        assertTrue(result.out().contains(config + ":5:9: error: failOn is one of error, warning, information, never;"
                + " did you mean \"warning\"? [config-invalid-value]"), result.out());
        assertEquals(1, result.exitCode());
    }

    @Test
    void unknownCodesInDisableAreAUsageErrorAndMisspelledIgnoreAnnotationsAWarning() throws IOException {
        CliRunner.Result unknown = CliRunner.run("check", "--disable", "latest-tags", manifests.toString());
        assertEquals(2, unknown.exitCode());
        assertEquals("dsls check: --disable latest-tags: dsls has no check of that code; did you mean latest-tag?\n",
                unknown.err());
        Files.writeString(manifests.resolve("demo.yaml"), DEMO.replace("  name: demo\n",
                "  name: demo\n  annotations:\n    ignore-check.dsls.dev/latest-tags: \"pinned by digest upstream\"\n"
                        + "    ignore-checks.dsls.dev/run-as-root: \"needs root\"\n"));
        CliRunner.Result result = CliRunner.run("check", manifests.toString());
        String file = manifests.resolve("demo.yaml").toString();
        assertTrue(result.out().contains(file + ":6:5: warning: ignore-check.dsls.dev/latest-tags names no dsls check,"
                + " so it turns nothing off; did you mean ignore-check.dsls.dev/latest-tag? [unknown-ignore-annotation]"),
                result.out());
        assertTrue(result.out().contains(file + ":7:5: warning: ignore-checks.dsls.dev/run-as-root turns nothing off;"
                + " did you mean ignore-check.dsls.dev/run-as-root? [unknown-ignore-annotation]"), result.out());
    }

    @Test
    void nodesFromStandardInputAndApiListsWithoutKinds() throws IOException {
        String apiList = "{\"kind\": \"NodeList\", \"apiVersion\": \"v1\", \"metadata\": {}, \"items\": ["
                + "{\"metadata\": {\"name\": \"n1\", \"labels\": {\"kubernetes.io/os\": \"linux\"}},"
                + " \"status\": {\"allocatable\": {\"cpu\": \"2\", \"memory\": \"4Gi\", \"pods\": \"110\"}}}]}";
        CliRunner.Result result = CliRunner.runWithStdin(apiList, "preview", "--nodes", "-",
                manifests.resolve("demo.yaml").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("DaemonSet default/demo over 1 node\n"), result.out());
        assertTrue(result.out().contains("n1     yes"), result.out());
        CliRunner.Result both = CliRunner.runWithStdin(apiList, "check", "--nodes", "-", "-");
        assertEquals(2, both.exitCode());
    }

    @Test
    void previewWithoutAnyInventorySaysSo() throws IOException {
        Files.delete(repo.resolve(".dsls/inventory.yaml"));
        Path whatIf = manifests.resolve("what-if.yaml");
        Files.writeString(whatIf, "apiVersion: v1\nkind: Node\nmetadata:\n  name: solo\nstatus:\n  allocatable: {pods: \"10\"}\n");
        CliRunner.Result result = CliRunner.run("preview", manifests.toString());
        assertTrue(result.out().contains(manifests.resolve("demo.yaml") + ": DaemonSet default/demo: no node inventory to"
                + " preview it against (--nodes FILE, or .dsls/inventory.yaml in the workspace)"), result.out());
    }

    @Test
    void junitHasASuitePerFileACasePerDaemonSetAndAFailurePerError() throws Exception {
        Files.writeString(manifests.resolve("two.yaml"), DEMO + "---\n" + DEMO.replace("name: demo\n", "name: broken\n")
                .replace("image: busybox:latest\n", "image: busybox:1\n        imagePullPolicy: Sometimes\n"));
        CliRunner.Result result = CliRunner.run("check", "--format", "junit", manifests.toString());
        assertEquals(1, result.exitCode());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(result.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Element suites = xml.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals(2, suites.getElementsByTagName("testsuite").getLength());
        assertEquals("1", suites.getAttribute("failures"));
        Element two = (Element) suites.getElementsByTagName("testsuite").item(1);
        assertEquals("2", two.getAttribute("tests"));
        Element broken = (Element) two.getElementsByTagName("testcase").item(1);
        assertEquals("DaemonSet default/broken", broken.getAttribute("name"));
        assertEquals("invalid-pull-policy", ((Element) broken.getElementsByTagName("failure").item(0)).getAttribute("type"));
    }

    @Test
    void aHelmChartIsLeftAloneAndRenderedOutputNamesItsTemplates() throws IOException {
        Path chart = Files.createDirectories(repo.resolve("charts/agent/templates"));
        Files.writeString(chart.getParent().resolve("Chart.yaml"), "apiVersion: v2\nname: agent\nversion: 0.1.0\n");
        Files.writeString(chart.getParent().resolve("values.yaml"), "image: busybox\n");
        Files.writeString(chart.resolve("daemonset.yaml"), "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n"
                + "  name: {{ .Release.Name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n");
        CliRunner.Result chartRun = CliRunner.run("check", "--format", "json", repo.resolve("charts").toString());
        assertEquals(0, chartRun.exitCode(), chartRun.out() + chartRun.err());
        assertTrue(chartRun.err().contains("charts/agent is a Helm chart: its templates are not manifests until rendered;"
                + " check them with helm template "), chartRun.err());
        String rendered = "---\n# Source: agent/templates/daemonset.yaml\n" + DEMO.replace("busybox:latest", "busybox");
        CliRunner.Result output = CliRunner.runWithStdin(rendered, "check", "--format", "json", "--nodes",
                repo.resolve(".dsls/inventory.yaml").toString(), "-");
        JsonObject latest = JsonParser.parseString(output.out()).getAsJsonObject().getAsJsonArray("files").get(0)
                .getAsJsonObject().getAsJsonArray("diagnostics").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(d -> d.get("code").getAsString().equals("latest-tag")).findFirst().orElseThrow();
        assertEquals("agent/templates/daemonset.yaml", latest.get("template").getAsString());
        CliRunner.Result text = CliRunner.runWithStdin(rendered, "check", "-");
        assertTrue(text.out().contains("[latest-tag] (from agent/templates/daemonset.yaml)"), text.out());
        CliRunner.Result directFile = CliRunner.run("check", chart.resolve("daemonset.yaml").toString());
        assertEquals(0, directFile.exitCode());
        assertTrue(directFile.out().startsWith("1 file checked: 0 errors"), directFile.out());
        assertTrue(directFile.err().contains("holds Go template directives"), directFile.err());
    }
}
