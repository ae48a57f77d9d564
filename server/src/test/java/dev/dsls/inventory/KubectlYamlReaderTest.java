package dev.dsls.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.benchmarks.NodeInventoryGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast kubectl-YAML reader gives exactly what the full parser gives, and hands back what it cannot read. */
class KubectlYamlReaderTest {
    private static void assertSameAsFullParser(String yaml) {
        InventoryReader.Contents fast = InventoryReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        InventoryReader.Contents full = InventoryReader.readFully("f.yaml", yaml);
        assertSameItems(full.nodes(), fast.nodes());
        assertSameItems(full.pods(), fast.pods());
        assertSameItems(full.problems(), fast.problems());
    }

    /** Item by item, so a difference is shown on its own rather than in two lists of thousands of lines. */
    private static void assertSameItems(List<?> expected, List<?> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "item " + i);
        }
        assertEquals(expected.size(), actual.size());
    }

    @Test
    void generatedKubectlListingsReadTheSameAsWithTheFullParser() {
        assertSameAsFullParser(NodeInventoryGenerator.yaml(NodeInventoryGenerator.nodes(200, 7)));
    }

    @Test
    void foldedQuotedBlockAndCommentedScalarsReadTheSame() {
        assertSameAsFullParser("""
                # kubectl get nodes,pods -o yaml
                apiVersion: v1
                items:
                - apiVersion: v1
                  kind: Node
                  metadata:
                    annotations:
                      long: this is a long plain annotation value that go-yaml folds onto the next line
                        because it is wider than eighty columns
                      script: |
                        #!/bin/sh

                        echo "- not: a key"
                    labels:
                      'quoted key': "a \\"quoted\\" value"
                      folded: "first part
                        second part"
                      single: 'it''s'
                      empty: ""
                      nothing:
                      yes: on
                    name: n1   # the name
                  spec:
                    taints:
                    -   key: a
                        effect: NoSchedule
                    - effect: NoExecute
                      key: b
                      value: "1"
                  status:
                    allocatable:
                      cpu: 1500m
                      pods: "10"
                    images: []
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: p
                    labels: {}
                  spec:
                    nodeName: n1
                    containers:
                    - name: c
                      ports:
                      - containerPort: 80
                        hostPort: 80
                      resources:
                        requests:
                          cpu: 100m
                  status:
                    phase: Running
                kind: List
                metadata:
                  resourceVersion: ""
                """);
    }

    @Test
    void multiDocumentFilesWithMarkersReadTheSame() {
        assertSameAsFullParser("""
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: a
                status:
                  allocatable:
                    pods: "1"
                ...
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: b
                """);
    }

    @Test
    void documentsWithAnchorsOrFlowCollectionsGoToTheFullParserWithTheirLines() {
        String yaml = """
                apiVersion: v1
                kind: Node
                metadata:
                  name: fast
                status:
                  allocatable:
                    pods: "1"
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: flow, labels: &l {zone: z1}}
                status:
                  allocatable: {pods: "1", cpu: "2 cores"}
                """;
        assertSameAsFullParser(yaml);
        InventoryReader.Contents contents = InventoryReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("fast"), contents.nodes().stream().map(Node::name).toList());
        assertEquals(12, contents.problems().get(0).range().start().line(), contents.problems().get(0).render());
    }

    @Test
    void brokenYamlIsReportedByTheFullParser() {
        assertSameAsFullParser("apiVersion: v1\nkind: Node\nmetadata:\n  name: [x\n---\napiVersion: v1\nkind: Node\n"
                + "metadata:\n  name: ok\n");
    }
}
