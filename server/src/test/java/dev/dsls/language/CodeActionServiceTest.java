package dev.dsls.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCache;
import dev.dsls.analysis.PlacementCheck;
import dev.dsls.testing.Problems;
import dev.dsls.analysis.CheckOptions;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

class CodeActionServiceTest {
    private static final String URI = "file:///ws/ds.yaml";
    private static final Range WHOLE = Range.of(0, 0, 1000, 0);

    /** Applies the fix's edits (last first, so earlier offsets stay valid) and returns the new text. */
    private static String apply(String text, CodeAction action) {
        List<TextEdit> edits = action.getEdit().getChanges().get(URI).stream()
                .sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                        .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed()).toList();
        String result = text;
        for (TextEdit edit : edits) {
            TextIndex index = new TextIndex(result);
            int start = index.offsetAt(LspRanges.fromLsp(edit.getRange().getStart()));
            int end = index.offsetAt(LspRanges.fromLsp(edit.getRange().getEnd()));
            result = result.substring(0, start) + edit.getNewText() + result.substring(end);
        }
        return result;
    }

    private static List<CodeAction> fixes(String text, List<Diagnostic> diagnostics, String code) {
        return new CodeActionService().actions(ManifestFile.edited(URI, 1, text, null),
                diagnostics.stream().filter(d -> d.code().equals(code)).toList(), WHOLE);
    }

    @Test
    void makesTheTemplateLabelsMatchTheSelector() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "broken", "selector-mismatch.yaml"));
        List<CodeAction> actions = fixes(text, Problems.analyze(text), "selector-mismatch");
        assertEquals("Make the template labels match spec.selector", actions.get(0).getTitle());
        String fixed = apply(text, actions.get(0));
        assertEquals(List.of(), Problems.analyze(fixed).stream().filter(d -> d.code().equals("selector-mismatch")).toList());
        assertEquals(text.replace("        app: exporter\n", "        app: node-exporter\n"), fixed);
    }

    @Test
    void selectorLabelsAreAddedInTheStyleOfTheTemplateLabels() {
        String block = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n"
                + "    matchLabels: {app: x, tier: node}\n  template:\n    metadata:\n      labels:\n        app: z\n"
                + "        team: infra\n    spec:\n      containers:\n      - name: x\n        image: x:1\n";
        assertEquals(block.replace("app: z\n        team: infra\n", "app: x\n        team: infra\n        tier: node\n"),
                apply(block, fixes(block, Problems.analyze(block), "selector-mismatch").get(0)));
        String flow = block.replace("      labels:\n        app: z\n        team: infra\n", "      labels: {app: z, on: \"yes\"}\n");
        assertEquals(flow.replace("{app: z, on: \"yes\"}", "{app: x, on: \"yes\", tier: node}"),
                apply(flow, fixes(flow, Problems.analyze(flow), "selector-mismatch").get(0)));
        String none = block.replace("      labels:\n        app: z\n        team: infra\n", "      annotations: {a: b}\n");
        assertEquals(none.replace("      annotations: {a: b}\n", "      annotations: {a: b}\n      labels: {app: x, tier: node}\n"),
                apply(none, fixes(none, Problems.analyze(none), "selector-mismatch").get(0)));
    }

    @Test
    void aTolerationJoinsAnExistingListInItsStyle() throws Exception {
        Path inventoryFile = Path.of("..", "samples", ".dsls", "inventory.yaml");
        Inventory inventory = InventoryReader.read(inventoryFile.toString(), Files.readAllBytes(inventoryFile)).toInventory();
        String demo = Files.readString(Path.of("..", "samples", "ds.demo.yaml"));
        String toleration = "{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}";
        for (String[] style : new String[][] {
                {"      tolerations: []\n", "      tolerations: [" + toleration + "]\n"},
                {"      tolerations: [{key: a, operator: Exists}]\n", "      tolerations: [{key: a, operator: Exists}, " + toleration + "]\n"},
                {"      tolerations:\n      - key: a\n        operator: Exists\n",
                        "      tolerations:\n      - key: a\n        operator: Exists\n      - " + toleration + "\n"}}) {
            String text = demo.replace("      containers:\n", style[0] + "      containers:\n");
            List<Diagnostic> diagnostics = Problems.analyze(text, new CheckOptions(Set.of(),
                    List.of(new PlacementCheck(inventory, new PlacementCache()))));
            assertEquals(demo.replace("      containers:\n", style[1] + "      containers:\n"),
                    apply(text, fixes(text, diagnostics, "placement-summary").get(0)), style[0]);
        }
    }

    @Test
    void aRetiredApiVersionMovesToAppsV1WithTheSelectorTheOldApiDefaulted() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "broken", "retired-api-version.yaml"));
        List<CodeAction> actions = fixes(text, Problems.analyze(text), "unserved-api-version");
        assertEquals(text.replace("apiVersion: extensions/v1beta1", "apiVersion: apps/v1")
                + "  selector:\n    matchLabels: {app: legacy}\n", apply(text, actions.get(0)));
    }

    @Test
    void addsAMissingRequiredField() {
        String text = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels: {app: x}\n"
                + "  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      containers:\n      - name: x\n";
        List<CodeAction> actions = fixes(text, Problems.analyze(text), "missing-image");
        assertEquals("Add the required field \"image\"", actions.get(0).getTitle());
        assertEquals(text + "        image: \n", apply(text, actions.get(0)));
    }

    @Test
    void toleratesTheTaintThatKeepsTheDaemonSetOffANode() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "ds.demo.yaml"));
        Path inventoryFile = Path.of("..", "samples", ".dsls", "inventory.yaml");
        Inventory inventory = InventoryReader.read(inventoryFile.toString(), Files.readAllBytes(inventoryFile)).toInventory();
        List<Diagnostic> diagnostics = Problems.analyze(text, new CheckOptions(Set.of(), List.of(new PlacementCheck(inventory, new PlacementCache()))));
        List<CodeAction> actions = fixes(text, diagnostics, "placement-summary");
        assertEquals("Add the toleration {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}",
                actions.get(0).getTitle());
        assertEquals(false, actions.get(0).getIsPreferred(), "staying off the control plane is usually meant");
        String fixed = apply(text, actions.get(0));
        List<Diagnostic> after = Problems.analyze(fixed, new CheckOptions(Set.of(), List.of(new PlacementCheck(inventory, new PlacementCache()))));
        assertEquals("Placement: runs on 3 of 3 nodes.", after.stream().filter(d -> d.code().equals("placement-summary"))
                .findFirst().orElseThrow().message());
        assertEquals(new Position(4, 6), after.stream().filter(d -> d.code().equals("placement-summary")).findFirst()
                .orElseThrow().range().start());
    }
}
