package dev.dsls.language;

import dev.dsls.analysis.ManifestFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.testing.Cursor;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

class CompletionServiceTest {
    private static final NodeFacts ZONES = new NodeFacts() {
        @Override
        public int nodeCount() {
            return 3;
        }

        @Override
        public List<String> nodeNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public Map<String, Map<String, List<String>>> labels() {
            return Map.of("topology.kubernetes.io/zone", Map.of("zone-1", List.of("a", "b"), "zone-2", List.of("c")));
        }

        @Override
        public List<Taint> taints() {
            return List.of();
        }
    };

    private static List<String> details(String marked) {
        Cursor cursor = Cursor.of(marked);
        FeatureRequest request = new FeatureRequest(ManifestFile.edited("file:///ds.yaml", 1, cursor.text(), null),
                cursor.position(), ClientFeatures.PLAIN);
        return new CompletionService().complete(request, ZONES)
                .stream().map(CompletionItem::getDetail).sorted().toList();
    }

    @Test
    void nodeAffinityValuesComeFromTheLabelOfTheirExpression() {
        String affinity = "spec:\n  template:\n    spec:\n      affinity:\n        nodeAffinity:\n"
                + "          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n"
                + "            - matchExpressions:\n";
        List<String> expected = List.of("topology.kubernetes.io/zone=zone-1 · 2 of 3 nodes",
                "topology.kubernetes.io/zone=zone-2 · 1 of 3 nodes");
        assertEquals(expected, details(affinity
                + "              - key: topology.kubernetes.io/zone\n                operator: In\n                values:\n"
                + "                - <*>\n"));
        assertEquals(expected, details(affinity
                + "              - values:\n                - <*>\n                key: topology.kubernetes.io/zone\n"
                + "                operator: In\n"));
    }

    @Test
    void matchFieldsValuesAreNodeNames() {
        String text = "spec:\n  template:\n    spec:\n      affinity:\n        nodeAffinity:\n"
                + "          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n"
                + "            - matchFields:\n              - key: metadata.name\n                operator: In\n"
                + "                values:\n                - <*>\n";
        assertEquals(List.of("node", "node", "node"), details(text));
    }
}
