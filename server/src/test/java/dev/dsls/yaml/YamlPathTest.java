package dev.dsls.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dsls.testing.Cursor;
import org.junit.jupiter.api.Test;

class YamlPathTest {
    @Test
    void printsAndParsesPathsAsTheApiServerPrintsThem() {
        YamlPath path = YamlPath.ROOT.field("spec").field("template").field("metadata").field("labels").key("app.kubernetes.io/name");
        assertEquals("spec.template.metadata.labels[app.kubernetes.io/name]", path.toString());
        assertEquals(path, YamlPath.parse(path.toString()));
        assertEquals("spec.containers[0].ports[12].hostPort",
                YamlPath.parse("spec.containers[0].ports[12].hostPort").toString());
    }

    @Test
    void aMissingFieldIsPlacedOnItsNearestPresentParentKey() {
        String text = "spec:\n  template:\n    spec: {}\n";
        YNode root = new YamlParser().parse(text).documents().get(0).root();
        YamlPath missing = YamlPath.parse("spec.template.spec.containers");
        assertNull(missing.resolve(root));
        assertEquals(Range.of(2, 4, 2, 8), missing.rangeIn(root, true));
    }

    @Test
    void locatesTheNodeUnderTheCursor() {
        Cursor cursor = Cursor.of("spec:\n  template:\n    spec:\n      containers:\n      - name: de<*>mo\n");
        YNode root = new YamlParser().parse(cursor.text()).documents().get(0).root();
        NodeLocator.Location location = NodeLocator.locate(root, cursor.position());
        assertEquals("spec.template.spec.containers[0].name", location.path().toString());
        assertEquals(false, location.onKey());

        Cursor onKey = Cursor.of("spec:\n  temp<*>late: {}\n");
        NodeLocator.Location keyLocation = NodeLocator.locate(new YamlParser().parse(onKey.text()).documents().get(0).root(), onKey.position());
        assertEquals("spec.template", keyLocation.path().toString());
        assertEquals(true, keyLocation.onKey());
    }
}
