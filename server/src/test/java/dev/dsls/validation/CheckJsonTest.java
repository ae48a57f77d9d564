package dev.dsls.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `dsls check --format json` on a manifest with several mistakes reports each once, as the API server would. */
class CheckJsonTest {
    @Test
    void eachMistakeOnceWithFieldAndReason() throws URISyntaxException {
        Path manifest = Path.of(CheckJsonTest.class.getResource("/manifests/broken/several-mistakes.yaml").toURI());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exitCode = Main.run("check", "--format", "json", manifest.toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(Main.ERRORS_FOUND, exitCode);
        JsonObject report = JsonParser.parseString(captured.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray diagnostics = report.getAsJsonArray("files").get(0).getAsJsonObject().getAsJsonArray("diagnostics");
        List<String> apiFindings = new ArrayList<>();
        for (JsonElement element : diagnostics) {
            JsonObject diagnostic = element.getAsJsonObject();
            if (diagnostic.has("field") && !diagnostic.get("field").isJsonNull()) {
                apiFindings.add(diagnostic.get("severity").getAsString() + " " + diagnostic.get("field").getAsString()
                        + " " + diagnostic.get("reason").getAsString() + " " + diagnostic.get("code").getAsString());
            }
        }
        assertEquals(List.of(
                "error metadata.name Invalid invalid-name",
                "error spec.updateStrategy.rollingUpdate.maxSurge Invalid invalid-rolling-update",
                "error spec.template.metadata.labels Invalid selector-mismatch",
                "error spec.template.spec.restartPolicy NotSupported restart-policy",
                "warning spec.template.spec.terminationGracePeriodSeconds Warning negative-grace-period",
                "error spec.template.spec.tolerations[0].operator Invalid invalid-toleration",
                "error spec.template.spec.containers[0].env[0].value Decode unquoted-string",
                "error spec.template.spec.containers[0].ports[0].protocol NotSupported invalid-port",
                "error spec.template.spec.containers[0].resources.requests Invalid invalid-resources",
                "error spec.template.spec.containers[0].volumeMounts[0].name NotFound missing-volume"), apiFindings);
    }
}
