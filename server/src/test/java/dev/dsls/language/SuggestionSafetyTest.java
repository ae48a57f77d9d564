package dev.dsls.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/**
 * Every edit dsls offers leaves a valid manifest: over the samples, written in other styles (CRLF, no
 * final newline, tolerations before containers, indented sequences, flow maps), every quick fix and
 * every completion item at every key position is applied, the result parsed and checked again. Nothing
 * may add a syntax error or an error of a new kind, and a fix takes its diagnostic away (unless it
 * inserts a key for the user to fill in).
 */
class SuggestionSafetyTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private static DaemonSetLanguageService service() throws IOException {
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        Path inventory = SAMPLES.resolve(".dsls/inventory.yaml");
        service.workspace().inventory().use(InventoryLoader.load(List.of(inventory)).inventory(), List.of(inventory));
        return service;
    }

    /** Each sample manifest in each style, by a name that says which. */
    private static Map<String, String> variants() throws IOException {
        Map<String, String> variants = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("/nvim/")
                    && !f.toString().contains("/.dsls/")).sorted().toList()) {
                String text = Files.readString(file);
                String name = SAMPLES.relativize(file).toString();
                variants.put(name, text);
                variants.put(name + " (CRLF)", text.replace("\n", "\r\n"));
                variants.put(name + " (no final newline)", text.stripTrailing());
                variants.put(name + " (tolerations first)", text.replaceFirst("(?m)^(\\s*)containers:\n",
                        "$1tolerations:\n$1- key: example.com/dedicated\n$1  operator: Exists\n$1containers:\n"));
                variants.put(name + " (indented sequences)", text.replaceAll("(?m)^(\\s*)- ", "$1  - ")
                        .replaceAll("(?m)^(\\s*)(  )(\\w+: )", "$1$2$3"));
                variants.put(name + " (flow labels)", text.replaceAll("labels:\n(\\s+)app: (\\S+)\n", "labels: {app: $2}\n"));
            }
        }
        return variants;
    }

    private static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    private static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> backwards = edits.stream().sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed()).toList();
        String result = text;
        for (TextEdit edit : backwards) {
            TextIndex index = new TextIndex(result);
            int start = index.offsetAt(LspRanges.fromLsp(edit.getRange().getStart()));
            int end = index.offsetAt(LspRanges.fromLsp(edit.getRange().getEnd()));
            result = result.substring(0, start) + edit.getNewText() + result.substring(end);
        }
        return result;
    }

    /** Problems of the edited text that the original did not have: syntax errors, or errors of a new code. */
    private static List<String> added(DaemonSetLanguageService service, String before, String after) {
        List<Diagnostic> old = errors(service.diagnostics(ManifestFile.edited("file:///before.yaml", 1, before, null)));
        List<Diagnostic> now = errors(service.diagnostics(ManifestFile.edited("file:///after.yaml", 1, after, null)));
        List<String> added = new ArrayList<>();
        for (Diagnostic d : now) {
            boolean syntax = d.code().startsWith("yaml-");
            if (syntax && old.stream().noneMatch(o -> o.code().equals(d.code()))
                    || !syntax && old.stream().noneMatch(o -> o.code().equals(d.code()))) {
                added.add(d.code() + " at " + d.range().start() + ": " + d.message());
            }
        }
        return added;
    }

    @Test
    void everyQuickFixLeavesAValidManifestAndRemovesItsDiagnostic() throws IOException {
        DaemonSetLanguageService service = service();
        List<String> failures = new ArrayList<>();
        int applied = 0;
        for (Map.Entry<String, String> variant : variants().entrySet()) {
            String text = variant.getValue();
            ManifestFile file = ManifestFile.edited("file:///" + applied + ".yaml", 1, text, null);
            for (Diagnostic diagnostic : service.diagnostics(file)) {
                for (CodeAction action : service.codeActions(file, List.of(diagnostic), diagnostic.range())) {
                    applied++;
                    String fixed = apply(text, action.getEdit().getChanges().values().iterator().next());
                    List<String> added = added(service, text, fixed);
                    List<Diagnostic> after = service.diagnostics(ManifestFile.edited("file:///fixed.yaml", 1, fixed, null));
                    boolean placeholder = action.getTitle().startsWith("Add the required field");
                    boolean stillThere = after.stream().anyMatch(d -> d.code().equals(diagnostic.code())
                            && d.message().equals(diagnostic.message()));
                    if (!added.isEmpty() || stillThere && !placeholder) {
                        failures.add(variant.getKey() + ": \"" + action.getTitle() + "\" for " + diagnostic.code()
                                + (added.isEmpty() ? " left it in place" : " added " + added) + "\n" + fixed);
                    }
                }
            }
        }
        assertTrue(applied >= 40, "fixes applied: " + applied);
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCompletionItemAtAKeyPositionKeepsTheManifestValid() throws IOException {
        DaemonSetLanguageService service = service();
        List<String> failures = new ArrayList<>();
        int applied = 0;
        Map<String, String> variants = variants();
        for (String name : List.of("ds.demo.yaml", "ds.demo.yaml (CRLF)", "ds.demo.yaml (tolerations first)",
                "ds.demo.yaml (indented sequences)", "ds.demo.yaml (no final newline)")) {
            String text = variants.get(name);
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            TextIndex index = new TextIndex(text);
            for (int line = 0; line < index.lineCount(); line++) {
                String lineText = index.lineText(line);
                if (!lineText.strip().endsWith(":") || lineText.strip().startsWith("#")) {
                    continue;
                }
                // A new line under a key that opens a mapping, at the indentation of its entries.
                int indent = lineText.length() - lineText.stripLeading().length() + 2;
                int at = index.offsetAt(new Position(line, lineText.length()));
                String opened = text.substring(0, at) + eol + " ".repeat(indent) + text.substring(at);
                ManifestFile file = ManifestFile.edited("file:///c.yaml", 1, opened, null);
                Position cursor = new Position(line + 1, indent);
                for (ClientFeatures client : List.of(ClientFeatures.PLAIN, ClientFeatures.RICH)) {
                    for (CompletionItem item : service.completion(new FeatureRequest(file, cursor, client))) {
                        if (item.getTextEdit() == null) {
                            continue;
                        }
                        applied++;
                        String inserted = item.getTextEdit().getLeft().getNewText().replace("$0", "").replaceAll("\\$\\{\\d+:([^}]*)}", "$1")
                                .replaceAll("\\$\\d+", "");
                        TextEdit edit = new TextEdit(item.getTextEdit().getLeft().getRange(), inserted);
                        String completed = apply(opened, List.of(edit));
                        List<String> syntax = added(service, text, completed).stream().filter(a -> a.startsWith("yaml-")).toList();
                        if (!syntax.isEmpty()) {
                            failures.add(name + " line " + (line + 2) + ": \"" + item.getLabel() + "\" gave " + syntax);
                        }
                    }
                }
            }
        }
        assertTrue(applied >= 200, "completions applied: " + applied);
        assertEquals(List.of(), failures);
    }
}
