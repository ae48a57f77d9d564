package dev.dsls.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.testing.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlParserTest {
    private final YamlParser parser = new YamlParser();

    private static String covered(YamlFile file, Range range) {
        return Problems.covered(file.index(), range);
    }

    @Test
    void keysAndValuesKeepTheirExactRanges() {
        String text = "apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: demo\n        image: busybox\n";
        YamlFile file = parser.parse(text);
        YMap root = file.documents().get(0).rootMap();
        YamlPath path = YamlPath.parse("spec.template.spec.containers[0].image");
        YNode image = path.resolve(root);
        assertEquals("busybox", covered(file, image.range()));
        assertEquals(Range.of(7, 15, 7, 22), image.range());
        YEntry kind = root.entry("kind");
        assertEquals("kind", covered(file, kind.key().range()));
        assertEquals("DaemonSet", covered(file, kind.value().range()));
    }

    @Test
    void rangesCountUtf16CodeUnitsAfterCharactersOutsideTheBasicPlane() {
        String text = "metadata:\n  annotations:\n    note: \"\uD83D\uDE80 launch\"\n    after: x\n";
        YamlFile file = parser.parse(text);
        YNode after = YamlPath.parse("metadata.annotations.after").resolve(file.documents().get(0).root());
        assertEquals(Range.of(3, 11, 3, 12), after.range());
        YNode note = YamlPath.parse("metadata.annotations.note").resolve(file.documents().get(0).root());
        assertEquals("\"\uD83D\uDE80 launch\"", covered(file, note.range()));
    }

    @Test
    void everyDocumentOfAStreamIsParsedAndPositionedInTheWholeText() {
        String text = "# comment only\n---\nkind: A\n---\nkind: B\n...\n---\nkind: C\n";
        YamlFile file = parser.parse(text);
        assertEquals(3, file.documents().size());
        YMap third = file.documents().get(2).rootMap();
        assertEquals(Range.of(7, 6, 7, 7), third.get("kind").range());
        assertEquals("B", file.documentAt(new Position(4, 6)).rootMap().text("kind"));
    }

    @Test
    void aSyntaxErrorIsReportedAtItsSpotWithoutHidingTheOtherDocuments() {
        String text = "kind: A\nmetadata:\n  name: x\n    labels: {}\n---\nkind: B\n";
        YamlFile file = parser.parse(text);
        YamlDocument broken = file.documents().get(0);
        assertNull(broken.root());
        assertEquals(1, broken.problems().size());
        YamlProblem problem = broken.problems().get(0);
        assertEquals(YamlParser.SYNTAX, problem.code());
        assertEquals(new Position(3, 10), problem.range().start());
        assertTrue(problem.message().startsWith("YAML syntax error: mapping values are not allowed here"));
        assertEquals("B", file.documents().get(1).rootMap().text("kind"));
    }

    @Test
    void tabsInIndentationGetAPlainWordedMessage() {
        YamlFile file = parser.parse("spec:\n\tselector: {}\n");
        assertEquals("YAML syntax error: a tab character cannot indent YAML; indent with spaces.",
                file.documents().get(0).problems().get(0).message());
    }

    @ParameterizedTest
    @CsvSource({
        "yes, BOOLEAN", "no, BOOLEAN", "on, BOOLEAN", "off, BOOLEAN", "y, BOOLEAN", "n, BOOLEAN", "True, BOOLEAN",
        "0x1F, INTEGER", "017, INTEGER", "-42, INTEGER", "1_000, INTEGER", "0b101, INTEGER",
        "1.0, FLOAT", "1e3, FLOAT", ".5, FLOAT", ".inf, FLOAT", "'~', NULL", "null, NULL",
        "2024-01-01, STRING", "cuda, STRING", "1.2.3, STRING", "'12:30', STRING", "v1, STRING"
    })
    void plainScalarsResolveAsGoYamlV2Does(String text, ScalarKind expected) {
        YamlFile file = parser.parse("value: " + text + "\n");
        YScalar value = (YScalar) file.documents().get(0).rootMap().get("value");
        assertEquals(expected, value.kind());
        assertEquals(expected, Yaml11.resolvePlain(text));
    }

    @Test
    void quotedAndExplicitlyTaggedScalarsAreStrings() {
        YamlFile file = parser.parse("a: \"yes\"\nb: 'on'\nc: !!str 1.0\nd: |\n  yes\n");
        YMap root = file.documents().get(0).rootMap();
        for (String key : List.of("a", "b", "c", "d")) {
            assertEquals(ScalarKind.STRING, ((YScalar) root.get(key)).kind(), key);
        }
    }

    @Test
    void booleanKeysBecomeJsonKeysTrueAndFalse() {
        YMap root = parser.parse("on: push\n").documents().get(0).rootMap();
        assertEquals("true", root.entries().get(0).name());
    }

    @Test
    void aliasesExpandAndMergeKeysApplyWithExplicitKeysWinning() {
        String text = "base: &base {cpu: 100m, memory: 64Mi}\nlimits:\n  <<: *base\n  memory: 128Mi\n";
        YMap limits = parser.parse(text).documents().get(0).rootMap().map("limits");
        assertEquals("100m", limits.text("cpu"));
        assertEquals("128Mi", limits.text("memory"));
        assertEquals(2, limits.entries().size());
    }

    @Test
    void duplicateKeysAreReportedOnTheSecondKey() {
        String text = "metadata:\n  name: a\n  name: b\n";
        YamlFile file = parser.parse(text);
        YamlProblem problem = file.documents().get(0).problems().get(0);
        assertEquals(YamlParser.DUPLICATE_KEY, problem.code());
        assertEquals(Range.of(2, 2, 2, 6), problem.range());
        assertEquals("Duplicate key \"name\": it is already defined on line 2, and Kubernetes rejects duplicate"
                + " fields; remove one of them.", problem.message());
    }

    @Test
    void javaTagsConstructNothingAndAreReported() {
        String text = "spec: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n";
        YamlDocument document = parser.parse(text).documents().get(0);
        assertInstanceOf(YSeq.class, document.rootMap().get("spec"));
        assertEquals(YamlParser.UNKNOWN_TAG, document.problems().get(0).code());
        assertTrue(document.problems().get(0).message().startsWith("The tag tag:yaml.org,2002:javax.script.ScriptEngineManager is not plain data"));
    }

    @Test
    void billionLaughsIsStoppedByTheAliasLimit() {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 10; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                text.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            text.append("]\n");
        }
        YamlDocument document = parser.parse(text.toString()).documents().get(0);
        assertNull(document.root());
        assertEquals(YamlParser.ALIAS_LIMIT, document.problems().get(0).code());
    }

    @Test
    void fewAliasesThatExpandHugelyAreStoppedByTheExpansionBudget() {
        YamlParser strict = new YamlParser(new YamlLimits(1 << 20, 100, 100, 10_000));
        StringBuilder text = new StringBuilder("a0: &a0 [x, x]\n");
        for (int level = 1; level < 30; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }
        YamlDocument document = strict.parse(text.toString()).documents().get(0);
        assertEquals(YamlParser.ALIAS_LIMIT, document.problems().get(0).code());
    }

    @Test
    void deepNestingIsReportedNotAStackOverflow() {
        String text = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        YamlDocument document = parser.parse(text).documents().get(0);
        assertEquals(YamlParser.TOO_DEEP, document.problems().get(0).code());
    }

    @Test
    void documentsOverTheSizeLimitAreNotParsed() {
        YamlParser small = new YamlParser(new YamlLimits(100, 100, 100, 1000));
        YamlDocument document = small.parse("a: " + "x".repeat(200) + "\n").documents().get(0);
        assertNull(document.root());
        assertEquals(YamlParser.TOO_LARGE, document.problems().get(0).code());
    }

    @Test
    void nulCharactersAreReportedWhereTheyAre() {
        YamlDocument document = parser.parse("kind: Daemon\u0000Set\n").documents().get(0);
        YamlProblem problem = document.problems().get(0);
        assertEquals(YamlParser.INVALID_CHARACTER, problem.code());
        assertEquals(Range.of(0, 12, 0, 13), problem.range());
    }

    @Test
    void crlfAndLoneCrLineEndingsGiveTheSameLinesAsLf() {
        for (String newline : List.of("\r\n", "\r")) {
            String text = String.join(newline, "kind: DaemonSet", "metadata:", "  name: demo", "");
            YNode name = YamlPath.parse("metadata.name").resolve(parser.parse(text).documents().get(0).root());
            assertEquals(Range.of(2, 8, 2, 12), name.range(), "newline " + newline.replace("\r", "CR"));
        }
    }

    @Test
    void aNewVersionReparsesOnlyTheDocumentsThatChanged() {
        String before = "kind: A\nname: one\n---\nkind: B\nname: two\n---\nkind: C\nname: three\n";
        YamlFile first = parser.parse(before);
        YamlFile second = parser.parse(before.replace("name: two", "name: twos"), first);
        assertTrue(second.documents().get(0).root() == first.documents().get(0).root(), "unchanged, same lines: reused");
        assertTrue(second.documents().get(1).root() != first.documents().get(1).root(), "edited: parsed again");
        assertTrue(second.documents().get(2).root() == first.documents().get(2).root(), "moved by characters only: reused");
        assertEquals("twos", second.documents().get(1).rootMap().text("name"));
        assertEquals(second.text().indexOf("---\nkind: C"), second.documents().get(2).startOffset());

        YamlFile third = parser.parse(before.replace("name: two", "name: two\nextra: line"), second);
        assertTrue(third.documents().get(2).root() != second.documents().get(2).root(), "moved to other lines: parsed again");
        assertEquals(Range.of(7, 6, 7, 7), third.documents().get(2).rootMap().get("kind").range());
    }
}
