package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.cli.CliRunner;
import dev.dsls.language.ClientFeatures;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.FeatureRequest;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link FuzzTest} found, each as a regression test. */
class FuzzFindingsTest {
    @TempDir
    Path temp;

    @Test
    void aDaemonSetWithoutApiVersionIsCheckedNotCrashed() throws Exception {
        // Set.of(...).contains(null) throws: kind DaemonSet with no (or a null) apiVersion stopped the analysis.
        for (String yaml : new String[] {"kind: DaemonSet\nmetadata: {name: x}\n", "apiVersion: ~\nkind: DaemonSet\n"}) {
            Path file = temp.resolve("no-api-version.yaml");
            Files.writeString(file, yaml);
            CliRunner.Result result = CliRunner.run("check", file.toString());
            assertEquals(0, result.exitCode(), result.out() + result.err());
        }
    }

    @Test
    void completionAndHoverAcceptANegativePosition() {
        Position before = new Position(-1, -1);
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        FeatureRequest request = new FeatureRequest(service.workspace().edit("file:///demo.yaml", 1, HostileInputs.DEMO),
                before, ClientFeatures.RICH);
        assertEquals("apiVersion", service.completion(request).get(0).getLabel());
        assertEquals(true, service.hover(request).getContents().getRight().getValue().startsWith("**apiVersion** `string`"));
    }

    @Test
    void aLineBeforeTheFirstEndsWhereTheFirstEnds() {
        TextIndex index = new TextIndex("first\nsecond\n");
        assertEquals(5, index.lineEnd(-1));
        assertEquals("first", index.lineText(-1));
    }
}
