package dev.dsls.language;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** Any {@code Required} error on a missing field of a block map: add the key for the user to fill in. */
final class RequiredFieldFix implements QuickFix {
    static final String REQUIRED = "Required";

    @Override
    public List<Fix> fixes(YamlFile file, Diagnostic diagnostic) {
        if (!REQUIRED.equals(diagnostic.reason()) || diagnostic.field() == null) {
            return List.of();
        }
        YMap root = YamlEdits.rootOf(file, diagnostic);
        YamlPath path = YamlPath.parse(diagnostic.field());
        if (root == null || path.last() == null || path.last().isIndex() || path.last().mapKey()
                || path.resolve(root) != null) {
            return List.of();
        }
        if (path.parent().resolve(root) instanceof YMap parent && !parent.entries().isEmpty()
                && YamlEdits.isBlock(file.index(), parent)) {
            return List.of(new Fix("Add the required field \"" + path.last().key() + "\"",
                    List.of(YamlEdits.insertEntry(file.index(), parent, path.last().key() + ": "))));
        }
        return List.of();
    }
}
