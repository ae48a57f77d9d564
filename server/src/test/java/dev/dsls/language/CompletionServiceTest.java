package dev.dsls.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.schema.KubernetesSchema;

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
        return new CompletionService().complete(request, ZONES, KubernetesSchema.get().newest())
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

    private static final NodeFacts POOLS = new NodeFacts() {
        @Override
        public int nodeCount() {
            return 3;
        }

        @Override
        public List<String> nodeNames() {
            return List.of("cp", "gpu-1", "gpu-2");
        }

        @Override
        public Map<String, Map<String, List<String>>> labels() {
            return Map.of("beta.kubernetes.io/os", Map.of("linux", List.of("cp", "gpu-1", "gpu-2")),
                    "kubernetes.io/os", Map.of("linux", List.of("cp", "gpu-1", "gpu-2")));
        }

        @Override
        public List<Taint> taints() {
            return List.of(new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule", List.of("cp")),
                    new Taint("nvidia.com/gpu", "present", "NoExecute", List.of("gpu-1", "gpu-2")));
        }
    };

    private static List<CompletionItem> complete(String marked, NodeFacts facts) {
        Cursor cursor = Cursor.of(marked);
        return new CompletionService().complete(new FeatureRequest(ManifestFile.edited("file:///ds.yaml", 1, cursor.text(),
                null), cursor.position(), ClientFeatures.PLAIN), facts, KubernetesSchema.get().newest());
    }

    @Test
    void deprecatedLabelsComeLastAndAreMarked() {
        List<CompletionItem> items = complete("spec:\n  template:\n    spec:\n      nodeSelector:\n        <*>\n", POOLS);
        List<CompletionItem> sorted = items.stream().sorted(java.util.Comparator.comparing(CompletionItem::getSortText)).toList();
        assertEquals(List.of("kubernetes.io/os", "beta.kubernetes.io/os"), sorted.stream().map(CompletionItem::getLabel).toList());
        assertEquals(List.of(org.eclipse.lsp4j.CompletionItemTag.Deprecated), sorted.get(1).getTags());
        assertEquals("beta.kubernetes.io/os · on 3 of 3 nodes · deprecated since v1.14; use \"kubernetes.io/os\" instead",
                sorted.get(1).getDetail());
    }

    @Test
    void podFieldsADaemonSetRejectsAreNotOffered() {
        List<String> labels = complete("spec:\n  template:\n    spec:\n      <*>\n", POOLS).stream()
                .map(CompletionItem::getLabel).toList();
        assertEquals(true, labels.contains("containers") && labels.contains("tolerations"), labels.toString());
        assertEquals(false, labels.contains("activeDeadlineSeconds") || labels.contains("ephemeralContainers"), labels.toString());
    }

    @Test
    void tolerationEffectsAreThoseOfTheChosenKeysTaints() {
        String tolerations = "spec:\n  template:\n    spec:\n      tolerations:\n";
        List<String> forGpu = complete(tolerations + "      - key: nvidia.com/gpu\n        operator: Exists\n"
                + "        effect: <*>\n", POOLS).stream().map(i -> i.getLabel() + "|" + i.getDetail()).toList();
        assertEquals(List.of("NoExecute|nvidia.com/gpu=present:NoExecute · on gpu-1, gpu-2"), forGpu);
        List<String> noKey = complete(tolerations + "      - effect: <*>\n", POOLS).stream().map(CompletionItem::getLabel).toList();
        assertEquals(List.of("NoSchedule", "PreferNoSchedule", "NoExecute"), noKey);
    }
}
