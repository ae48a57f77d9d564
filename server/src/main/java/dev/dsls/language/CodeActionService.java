package dev.dsls.language;

import dev.dsls.analysis.ManifestAnalyzer;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCheck;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.validation.SchemaCheck;
import dev.dsls.validation.ValidationCodes;
import dev.dsls.yaml.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Quick fixes: each diagnostic code has one fix class; a missing required field has one for every code. */
final class CodeActionService {
    private static final QuickFix SUGGESTION = new SuggestionFix();
    private static final Map<String, QuickFix> BY_CODE = Map.of(
            SchemaCheck.UNQUOTED_STRING, new QuoteValueFix(),
            SchemaCheck.UNKNOWN_FIELD, SUGGESTION,
            PlacementCheck.UNKNOWN_LABEL, SUGGESTION,
            ManifestAnalyzer.UNSERVED_API_VERSION, new ApiVersionFix(),
            ValidationCodes.SELECTOR_MISMATCH, new SelectorLabelsFix(),
            PlacementCheck.SUMMARY, new AddTolerationFix());
    private static final QuickFix REQUIRED_FIELD = new RequiredFieldFix();

    /** The fixes of the file's diagnostics that overlap the requested range. */
    List<CodeAction> actions(ManifestFile file, List<Diagnostic> diagnostics, Range requested) {
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (!overlaps(diagnostic.range(), requested)) {
                continue;
            }
            QuickFix byCode = BY_CODE.get(diagnostic.code());
            if (byCode != null) {
                byCode.fixes(file.yaml(), diagnostic).forEach(fix -> add(actions, file.uri(), diagnostic, fix));
            }
            REQUIRED_FIELD.fixes(file.yaml(), diagnostic).forEach(fix -> add(actions, file.uri(), diagnostic, fix));
        }
        return actions;
    }

    private static boolean overlaps(Range a, Range b) {
        return !a.end().isBefore(b.start()) && !b.end().isBefore(a.start());
    }

    private static void add(List<CodeAction> actions, String uri, Diagnostic diagnostic, QuickFix.Fix fix) {
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(uri, fix.edits())));
        action.setDiagnostics(List.of(LspDiagnostics.toLsp(diagnostic)));
        action.setIsPreferred(fix.preferable() && actions.stream().noneMatch(CodeAction::getIsPreferred));
        actions.add(action);
    }
}
