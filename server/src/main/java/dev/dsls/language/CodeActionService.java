package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.validation.ManifestAnalyzer;
import dev.dsls.validation.SchemaCheck;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.TextIndex;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Quick fixes for the diagnostics dsls reports. Each fix is a text edit the editor applies. */
public final class CodeActionService {
    public static final String SELECTOR_MISMATCH = "selector-mismatch";
    /** Diagnostics whose data carry a toleration (flow YAML) get an "add toleration" fix; "taint" says why. */
    public static final String TOLERATION = "toleration";

    public List<CodeAction> actions(String uri, YamlFile file, List<Diagnostic> diagnostics, Range requested) {
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (!overlaps(diagnostic.range(), requested)) {
                continue;
            }
            Map<String, String> data = diagnostic.data();
            switch (diagnostic.code()) {
                case SchemaCheck.UNQUOTED_STRING -> add(actions, uri, diagnostic, "Quote the value: " + data.get("quoted"),
                        List.of(edit(diagnostic.range(), data.get("quoted"))));
                case SchemaCheck.UNKNOWN_FIELD -> {
                    if (data.containsKey("suggestion")) {
                        add(actions, uri, diagnostic, "Change to \"" + data.get("suggestion") + "\"",
                                List.of(edit(diagnostic.range(), data.get("suggestion"))));
                    }
                }
                case ManifestAnalyzer.UNSERVED_API_VERSION -> add(actions, uri, diagnostic, "Use apiVersion apps/v1",
                        List.of(edit(diagnostic.range(), data.getOrDefault("replacement", "apps/v1"))));
                case SELECTOR_MISMATCH -> {
                    List<TextEdit> edits = matchTemplateLabels(file, diagnostic);
                    if (!edits.isEmpty()) {
                        add(actions, uri, diagnostic, "Make the template labels match spec.selector", edits);
                    }
                }
                default -> {
                }
            }
            if (data.containsKey(TOLERATION)) {
                List<TextEdit> edits = addToleration(file, diagnostic, data.get(TOLERATION));
                if (!edits.isEmpty()) {
                    add(actions, uri, diagnostic, "Add the toleration " + data.get(TOLERATION), edits);
                }
            }
            if ("Required".equals(diagnostic.reason()) && diagnostic.field() != null) {
                List<TextEdit> edits = addRequiredField(file, diagnostic);
                if (!edits.isEmpty()) {
                    YamlPath path = YamlPath.parse(diagnostic.field());
                    add(actions, uri, diagnostic, "Add the required field \"" + path.last().key() + "\"", edits);
                }
            }
        }
        return actions;
    }

    private static boolean overlaps(Range a, Range b) {
        return !a.end().isBefore(b.start()) && !b.end().isBefore(a.start());
    }

    private static void add(List<CodeAction> actions, String uri, Diagnostic diagnostic, String title, List<TextEdit> edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        org.eclipse.lsp4j.Diagnostic lspDiagnostic = new org.eclipse.lsp4j.Diagnostic(LspRanges.toLsp(diagnostic.range()),
                diagnostic.message());
        lspDiagnostic.setCode(diagnostic.code());
        action.setDiagnostics(List.of(lspDiagnostic));
        action.setIsPreferred(actions.isEmpty());
        actions.add(action);
    }

    private static TextEdit edit(Range range, String text) {
        return new TextEdit(LspRanges.toLsp(range), text);
    }

    private static YamlDocument documentOf(YamlFile file, Diagnostic diagnostic) {
        return file.documentAt(diagnostic.range().start());
    }

    /** Rewrites the template labels as a flow map holding every selector label, keeping other labels. */
    private List<TextEdit> matchTemplateLabels(YamlFile file, Diagnostic diagnostic) {
        YamlDocument document = documentOf(file, diagnostic);
        YMap root = document == null ? null : document.rootMap();
        if (root == null || !(YamlPath.parse("spec.selector.matchLabels").resolve(root) instanceof YMap selector)
                || selector.entries().isEmpty()) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        YNode existing = YamlPath.parse("spec.template.metadata.labels").resolve(root);
        if (existing instanceof YMap map) {
            map.entries().forEach(entry -> labels.put(entry.name(), entry.value().toString()));
        }
        selector.entries().forEach(entry -> labels.put(entry.name(), entry.value().toString()));
        StringBuilder flow = new StringBuilder("{");
        labels.forEach((key, value) -> flow.append(flow.length() > 1 ? ", " : "").append(key).append(": ")
                .append(CompletionService.needsQuotes(value) ? "\"" + value + "\"" : value));
        flow.append('}');
        if (existing instanceof YMap map && YamlPath.parse("spec.template.metadata").resolve(root) instanceof YMap metadata) {
            // Rewrite from the end of the "labels" key, so a block map becomes "labels: {…}" on one line.
            Position keyEnd = metadata.entry("labels").key().range().end();
            Position end = map.range().end();
            boolean endsAtLineStart = end.character() == 0 && end.line() > keyEnd.line();
            return List.of(edit(new Range(keyEnd, end), ": " + flow + (endsAtLineStart ? "\n" : "")));
        }
        if (YamlPath.parse("spec.template.metadata").resolve(root) instanceof YMap metadata && !metadata.entries().isEmpty()) {
            return List.of(insertEntry(file.index(), metadata, "labels: " + flow));
        }
        return List.of();
    }

    private List<TextEdit> addToleration(YamlFile file, Diagnostic diagnostic, String toleration) {
        YamlDocument document = documentOf(file, diagnostic);
        YMap root = document == null ? null : document.rootMap();
        if (root == null) {
            return List.of();
        }
        YNode tolerations = YamlPath.parse("spec.template.spec.tolerations").resolve(root);
        if (tolerations instanceof dev.dsls.yaml.YSeq seq && !seq.items().isEmpty()) {
            YNode last = seq.items().get(seq.items().size() - 1);
            TextIndex index = file.index();
            String lastLine = index.lineText(seq.items().get(0).range().start().line());
            int itemColumn = seq.items().get(0).range().start().character();
            boolean block = itemColumn >= 2 && lastLine.substring(0, itemColumn).strip().equals("-");
            if (block) {
                String indent = " ".repeat(itemColumn - 2);
                return List.of(insertLineAfter(index, last.range(), indent + "- " + toleration));
            }
            return List.of();
        }
        if (YamlPath.parse("spec.template.spec").resolve(root) instanceof YMap podSpec && !podSpec.entries().isEmpty()) {
            return List.of(insertEntry(file.index(), podSpec, "tolerations:\n- " + toleration));
        }
        return List.of();
    }

    private List<TextEdit> addRequiredField(YamlFile file, Diagnostic diagnostic) {
        YamlDocument document = documentOf(file, diagnostic);
        YMap root = document == null ? null : document.rootMap();
        YamlPath path = YamlPath.parse(diagnostic.field());
        if (root == null || path.last() == null || path.last().isIndex() || path.last().mapKey()
                || path.resolve(root) != null) {
            return List.of();
        }
        if (path.parent().resolve(root) instanceof YMap parent && !parent.entries().isEmpty()
                && isBlock(file.index(), parent)) {
            return List.of(insertEntry(file.index(), parent, path.last().key() + ": "));
        }
        return List.of();
    }

    private static boolean isBlock(TextIndex index, YMap map) {
        Position start = map.entries().get(0).key().range().start();
        return index.lineText(start.line()).substring(0, start.character()).strip().replace("-", "").isEmpty();
    }

    /** A new "key: value" line at the indentation of a block map's keys, after its last entry. */
    private static TextEdit insertEntry(TextIndex index, YMap map, String entryText) {
        YEntry first = map.entries().get(0);
        YEntry last = map.entries().get(map.entries().size() - 1);
        String indent = " ".repeat(first.key().range().start().character());
        return insertLineAfter(index, last.range(), indent + entryText.replace("\n", "\n" + indent));
    }

    private static TextEdit insertLineAfter(TextIndex index, Range after, String line) {
        Position end = after.end();
        int insertLine = end.character() == 0 && end.line() > after.start().line() ? end.line() : end.line() + 1;
        if (insertLine >= index.lineCount()) {
            Position eof = index.positionAt(index.text().length());
            String prefix = index.text().endsWith("\n") ? "" : "\n";
            return new TextEdit(LspRanges.toLsp(new Range(eof, eof)), prefix + line + "\n");
        }
        Position at = new Position(insertLine, 0);
        return new TextEdit(LspRanges.toLsp(new Range(at, at)), line + "\n");
    }
}
