package dev.dsls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path temp;

    @Test
    void aValidManifestExitsZeroWithASummary() {
        CliRunner.Result result = CliRunner.run("check", SAMPLES.resolve("ds.demo.yaml").toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\n1 file checked: 0 errors, \\d+ warnings, \\d+ information\n"), result.out());
    }

    @Test
    void textFormatPrintsOneLinePerProblemWithOneBasedPositions() {
        Path file = SAMPLES.resolve("broken").resolve("decode-errors.yaml");
        CliRunner.Result result = CliRunner.run("check", file.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains(file + ":8:3: error: strict decoding error: unknown field \"spec.replicas\":"),
                result.out());
        assertTrue(result.out().contains(file + ":18:14: error: json: cannot unmarshal bool into Go value of type"
                + " string at spec.template.spec.nodeSelector[ssd] (YAML 1.1 reads yes as a boolean); quote it:"
                + " \"yes\" [unquoted-string]"), result.out());
    }

    @Test
    void jsonFormatKeepsTheContractNames() {
        Path file = SAMPLES.resolve("broken").resolve("decode-errors.yaml");
        CliRunner.Result result = CliRunner.run("check", "--format", "json", file.toString());
        assertEquals(1, result.exitCode());
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        JsonObject first = json.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(file.toString(), first.get("path").getAsString());
        JsonObject replicas = first.getAsJsonArray("diagnostics").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(d -> d.get("code").getAsString().equals("unknown-field")).findFirst().orElseThrow();
        assertEquals("error", replicas.get("severity").getAsString());
        assertEquals("unknown-field", replicas.get("code").getAsString());
        assertEquals("spec.replicas", replicas.get("field").getAsString());
        assertEquals("Decode", replicas.get("reason").getAsString());
        assertEquals(7, replicas.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        assertEquals(2, replicas.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
        assertEquals(10, replicas.getAsJsonObject("range").getAsJsonObject("end").get("character").getAsInt());
        JsonObject summary = json.getAsJsonObject("summary");
        assertEquals(1, summary.get("files").getAsInt());
        assertTrue(summary.get("errors").getAsInt() >= 4);
    }

    @Test
    void everyFileIsListedInJsonEvenWithoutDiagnostics() throws IOException {
        Files.writeString(temp.resolve("configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\ndata: {a: yes}\n");
        CliRunner.Result result = CliRunner.run("check", "--format", "json", temp.toString());
        assertEquals(0, result.exitCode());
        JsonArray files = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("files");
        assertEquals(1, files.size());
        assertEquals(0, files.get(0).getAsJsonObject().getAsJsonArray("diagnostics").size());
    }

    @Test
    void githubFormatIsOneWorkflowCommandPerDiagnosticWithItsPropertiesEscaped() throws IOException {
        Path file = temp.resolve("a,b.yaml");
        Files.writeString(file, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n"
                + "    matchLabels: {app: x}\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n"
                + "      containers:\n      - name: x\n        image: x:1\n        imagePullPolicy: Sometimes\n");
        CliRunner.Result result = CliRunner.run("check", "--format", "github", "--disable",
                "missing-cpu-request,missing-memory-request,missing-memory-limit,missing-cpu-limit,privilege-escalation,"
                        + "run-as-root,writable-root-filesystem,net-raw-not-dropped,missing-readiness-probe,"
                        + "missing-liveness-probe,missing-priority-class,automount-service-account-token", file.toString());
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of("::error file=" + file.toString().replace(",", "%2C") + ",line=15,col=26,endLine=15,"
                + "endColumn=35,title=invalid-pull-policy::Unsupported value: \"Sometimes\": supported values:"
                + " \"Always\", \"IfNotPresent\", \"Never\". Values are case-sensitive."), result.out().lines().toList());
    }

    @Test
    void sarifIsVersion210WithRulesForTheCodes() {
        Path file = SAMPLES.resolve("broken").resolve("selector-mismatch.yaml");
        CliRunner.Result result = CliRunner.run("check", "--format", "sarif", file.toString());
        assertEquals(1, result.exitCode());
        JsonObject sarif = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("2.1.0", sarif.get("version").getAsString());
        JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("dsls", driver.get("name").getAsString());
        assertTrue(driver.getAsJsonArray("rules").asList().stream()
                .anyMatch(rule -> rule.getAsJsonObject().get("id").getAsString().equals("selector-mismatch")));
        JsonObject result0 = run.getAsJsonArray("results").asList().stream().map(r -> r.getAsJsonObject())
                .filter(r -> r.get("ruleId").getAsString().equals("selector-mismatch")).findFirst().orElseThrow();
        assertEquals("error", result0.get("level").getAsString());
        JsonObject region = result0.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(12, region.get("startLine").getAsInt());
    }

    @Test
    void readsStandardInput() {
        CliRunner.Result result = CliRunner.runWithStdin(
                "apiVersion: apps/v1beta2\nkind: DaemonSet\nmetadata: {name: x}\n", "check", "-");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().startsWith("<stdin>:1:13: error: no matches for kind \"DaemonSet\" in version"
                + " \"apps/v1beta2\""), result.out());
    }

    @Test
    void disabledChecksAreNotReported() {
        Path file = SAMPLES.resolve("broken").resolve("selector-mismatch.yaml");
        CliRunner.Result result = CliRunner.run("check", "--disable", "selector-mismatch", file.toString());
        assertEquals(0, result.exitCode(), result.out());
        assertTrue(!result.out().contains("[selector-mismatch]"), result.out());
    }

    @Test
    void usageAndIoProblemsExitTwoWithAMessageOnStderr() throws IOException {
        CliRunner.Result missing = CliRunner.run("check", temp.resolve("nope.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file or directory"), missing.err());

        Path empty = Files.createDirectory(temp.resolve("empty"));
        CliRunner.Result noManifests = CliRunner.run("check", empty.toString());
        assertEquals(2, noManifests.exitCode());
        assertTrue(noManifests.err().contains("no *.yaml, *.yml or *.json files"), noManifests.err());

        CliRunner.Result badFlag = CliRunner.run("check", "--format", "xml", "x.yaml");
        assertEquals(2, badFlag.exitCode());
        assertTrue(badFlag.err().contains("--format"), badFlag.err());

        assertEquals(2, CliRunner.run().exitCode());
    }

    @Test
    void versionNamesTheKubernetesRelease() {
        CliRunner.Result result = CliRunner.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Kubernetes 1.36"), result.out());
    }

    @Test
    void invalidUtf8IsReportedAndTheRestStillChecked() throws IOException {
        Path file = temp.resolve("latin1.yaml");
        byte[] head = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n  annotations:\n    owner: \"".getBytes();
        byte[] tail = "\"\nspec:\n  replicas: 1\n".getBytes();
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(file, bytes);
        CliRunner.Result result = CliRunner.run("check", file.toString());
        assertTrue(result.out().contains(":6:13: error: The file is not valid UTF-8 (byte "), result.out());
        assertTrue(result.out().contains("unknown field \"spec.replicas\""), result.out());
    }
}
