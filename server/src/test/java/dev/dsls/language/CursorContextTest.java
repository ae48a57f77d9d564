package dev.dsls.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.testing.Cursor;
import dev.dsls.yaml.TextIndex;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CursorContextTest {
    private static CursorContext context(String marked) {
        Cursor cursor = Cursor.of(marked);
        return CursorContext.at(new TextIndex(cursor.text()), cursor.position());
    }

    @Test
    void aKeyBeingTypedInsideNestedMappings() {
        CursorContext context = context("spec:\n  template:\n    spec:\n      nodeSel<*>\n");
        assertEquals(List.of("spec", "template", "spec"), context.path());
        assertFalse(context.onValue());
        assertEquals("nodeSel", context.word());
        assertEquals(6, context.wordStart());
    }

    @Test
    void aKeyInsideAListItemWithTheDashAtTheParentColumn() {
        CursorContext context = context("spec:\n  containers:\n  - name: demo\n    ima<*>\n");
        assertEquals(List.of("spec", "containers", "[]"), context.path());
        assertEquals(Set.of("name"), context.siblings());
    }

    @Test
    void aKeyOnTheDashLineOfANewItem() {
        CursorContext context = context("tolerations:\n- key: a\n  effect: NoSchedule\n- <*>\n");
        assertEquals(List.of("tolerations", "[]"), context.path());
        assertTrue(context.inListItem());
        assertEquals(Set.of(), context.siblings());
    }

    @Test
    void aValueAfterTheColon() {
        CursorContext context = context("spec:\n  template:\n    spec:\n      nodeSelector:\n        gpu: cu<*>\n");
        assertEquals(List.of("spec", "template", "spec", "nodeSelector"), context.path());
        assertTrue(context.onValue());
        assertEquals("gpu", context.key());
        assertEquals("cu", context.word());
    }

    @Test
    void listsInsideListItems() {
        String text = "affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n"
                + "      nodeSelectorTerms:\n      - matchExpressions:\n        - key: gpu\n          operator: <*>\n";
        CursorContext context = context(text);
        assertEquals(List.of("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms", "[]", "matchExpressions", "[]"), context.path());
        assertEquals("operator", context.key());
        assertTrue(context.onValue());
    }

    @Test
    void siblingsAfterTheCursorCountToo() {
        CursorContext context = context("metadata:\n  name: demo\n  <*>\n  labels: {}\nspec: {}\n");
        assertEquals(List.of("metadata"), context.path());
        assertEquals(Set.of("name", "labels"), context.siblings());
    }

    @Test
    void theDocumentRoot() {
        CursorContext context = context("apiVersion: apps/v1\n<*>\n");
        assertEquals(List.of(), context.path());
        assertEquals(Set.of("apiVersion"), context.siblings());
    }

    @Test
    void onlyTheCurrentDocumentCounts() {
        CursorContext context = context("kind: A\nspec:\n  x: 1\n---\nki<*>\n");
        assertEquals(List.of(), context.path());
        assertEquals(Set.of(), context.siblings());
    }
}
