package dev.dsls.language;

import dev.dsls.yaml.Range;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.SymbolKind;

/** Document symbols (one per YAML document, its keys as children) and folding ranges. */
final class StructureService {
    private static final int SYMBOL_DEPTH = 4;

    List<DocumentSymbol> symbols(YamlFile file) {
        List<DocumentSymbol> symbols = new ArrayList<>();
        for (YamlDocument document : file.documents()) {
            YMap root = document.rootMap();
            Range whole = document.range();
            String kind = root == null ? null : root.text("kind");
            YMap metadata = root == null ? null : root.map("metadata");
            String name = metadata == null ? null : metadata.text("name");
            String title = (kind == null ? "document " + (document.index() + 1) : kind) + (name == null ? "" : " " + name);
            Range selection = root != null && root.get("kind") != null ? root.get("kind").range() : startOf(whole);
            DocumentSymbol symbol = new DocumentSymbol(title, kind == null ? SymbolKind.File : SymbolKind.Class,
                    LspRanges.toLsp(whole), LspRanges.toLsp(selection));
            symbol.setChildren(root == null ? List.of() : children(root, 1));
            symbols.add(symbol);
        }
        return symbols;
    }

    private static Range startOf(Range range) {
        return new Range(range.start(), range.start());
    }

    private List<DocumentSymbol> children(YNode node, int depth) {
        List<DocumentSymbol> children = new ArrayList<>();
        if (depth > SYMBOL_DEPTH) {
            return children;
        }
        if (node instanceof YMap map) {
            for (YEntry entry : map.entries()) {
                Range range = entry.range();
                DocumentSymbol symbol = new DocumentSymbol(entry.name(), kindOf(entry.value()),
                        LspRanges.toLsp(range), LspRanges.toLsp(entry.key().range()));
                if (entry.value() instanceof YScalar scalar && !scalar.isNull()) {
                    symbol.setDetail(scalar.value().length() > 60 ? scalar.value().substring(0, 60) + "…" : scalar.value());
                }
                symbol.setChildren(children(entry.value(), depth + 1));
                children.add(symbol);
            }
        } else if (node instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                String name = item instanceof YMap map && map.text("name") != null ? map.text("name")
                        : item instanceof YMap map && map.text("key") != null ? map.text("key")
                        : item instanceof YScalar scalar ? scalar.value() : "[" + i + "]";
                DocumentSymbol symbol = new DocumentSymbol(name, kindOf(item), LspRanges.toLsp(item.range()),
                        LspRanges.toLsp(item.range()));
                symbol.setChildren(children(item, depth + 1));
                children.add(symbol);
            }
        }
        return children;
    }

    private static SymbolKind kindOf(YNode node) {
        if (node instanceof YMap) {
            return SymbolKind.Object;
        }
        if (node instanceof YSeq) {
            return SymbolKind.Array;
        }
        return switch (((YScalar) node).kind()) {
            case BOOLEAN -> SymbolKind.Boolean;
            case INTEGER, FLOAT -> SymbolKind.Number;
            case NULL -> SymbolKind.Null;
            default -> SymbolKind.String;
        };
    }

    List<FoldingRange> foldingRanges(YamlFile file) {
        List<FoldingRange> ranges = new ArrayList<>();
        for (YamlDocument document : file.documents()) {
            int first = document.range().start().line();
            int last = lastContentLine(file, document);
            if (last > first) {
                ranges.add(new FoldingRange(first, last));
            }
            if (document.root() != null) {
                fold(document.root(), ranges);
            }
        }
        return ranges;
    }

    private static int lastContentLine(YamlFile file, YamlDocument document) {
        int line = document.range().end().line();
        while (line > document.range().start().line() && file.index().lineText(line).isBlank()) {
            line--;
        }
        return line;
    }

    private void fold(YNode node, List<FoldingRange> ranges) {
        if (node instanceof YMap map) {
            for (YEntry entry : map.entries()) {
                addIfMultiLine(entry.key().range().start().line(), entry.value(), ranges);
                fold(entry.value(), ranges);
            }
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                addIfMultiLine(item.range().start().line(), item, ranges);
                fold(item, ranges);
            }
        }
    }

    private static void addIfMultiLine(int startLine, YNode value, List<FoldingRange> ranges) {
        if (value instanceof YScalar) {
            return;
        }
        int end = value.range().end().line();
        if (value.range().end().character() == 0) {
            end--;
        }
        if (end > startLine) {
            ranges.add(new FoldingRange(startLine, end));
        }
    }
}
