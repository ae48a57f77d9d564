package dev.dsls.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.yaml.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KubernetesSchemaTest {
    private final KubernetesSchema schema = KubernetesSchema.get();

    @Test
    void coversKubernetes131To136() throws IOException {
        assertEquals("[1.31, 1.32, 1.33, 1.34, 1.35, 1.36]", schema.supportedVersions().toString());
        assertEquals("1.36", schema.newest().toString());
        assertEquals("DaemonSet", schema.root().name());
        Properties build = new Properties();
        try (InputStream in = KubernetesSchema.class.getResourceAsStream("/dev/dsls/version.properties")) {
            build.load(in);
        }
        assertEquals(build.getProperty("kubernetes"), schema.newest().toString(),
                "kubernetes.version of the pom is the newest version the schema was generated for");
    }

    @Test
    void fieldsSayWhenTheyArrivedAndLeft() {
        FieldDef podResources = schema.fieldAt(YamlPath.parse("spec.template.spec.resources"));
        assertEquals("1.32", podResources.since().toString());
        assertNull(podResources.removedIn());
        assertEquals("1.32 and later", podResources.versions());
        assertFalse(podResources.availableIn(KubernetesVersion.parse("1.31")));
        assertTrue(podResources.availableIn(KubernetesVersion.parse("1.32")));
        FieldDef workloadRef = schema.fieldAt(YamlPath.parse("spec.template.spec.workloadRef"));
        assertEquals("1.35", workloadRef.since().toString());
        assertEquals("1.36", workloadRef.removedIn().toString());
        assertEquals("1.35 only", workloadRef.versions());
        assertFalse(workloadRef.availableIn(schema.newest()));
        assertEquals("WorkloadReference", workloadRef.type().ref(), "a removed field keeps the type it had");
        FieldDef containerResources = schema.fieldAt(YamlPath.parse("spec.template.spec.containers[0].resources"));
        assertNull(containerResources.since());
        assertNull(containerResources.versions());
    }

    @Test
    void aTypeTheClientRenamedKeepsItsFieldsHistory() {
        // client-java-api calls the container's resource claim ResourceClaim up to 1.33 and CoreV1ResourceClaim
        // from 1.34 on: the same fields, so they did not arrive in 1.34.
        FieldDef claimName = schema.fieldAt(YamlPath.parse("spec.template.spec.containers[0].resources.claims[0].name"));
        assertEquals("CoreV1ResourceClaim", schema.typeAt(YamlPath.parse(
                "spec.template.spec.containers[0].resources.claims[0]")).ref());
        assertNull(claimName.since());
    }

    @Test
    void fieldsCarryTypesAndRequiredFlags() {
        FieldDef containers = schema.fieldAt(YamlPath.parse("spec.template.spec.containers"));
        assertEquals("[]Container", containers.type().display());
        assertTrue(containers.required());
        assertEquals("map[string]Quantity",
                schema.typeAt(YamlPath.parse("spec.template.spec.containers[0].resources.limits")).display());
        assertEquals(FieldType.Kind.INT_OR_STRING,
                schema.typeAt(YamlPath.parse("spec.updateStrategy.rollingUpdate.maxUnavailable")).kind());
        assertEquals(FieldType.Kind.STRING, schema.typeAt(YamlPath.parse("spec.template.spec.nodeSelector[gpu]")).kind());
        assertNull(schema.typeAt(YamlPath.parse("spec.replicas")));
    }

    @Test
    void descriptionsComeFromTheApiAndFallBackToTheReferencedType() {
        FieldDef tolerations = schema.fieldAt(YamlPath.parse("spec.template.spec.tolerations"));
        assertEquals("If specified, the pod's tolerations.", tolerations.description());
        assertNotNull(tolerations.note());
        FieldDef selector = schema.fieldAt(YamlPath.parse("spec.selector"));
        assertTrue(selector.description().startsWith("A label selector is a label query over a set of resources."));
        assertTrue(selector.note().contains("must match the labels of spec.template.metadata.labels"));
    }

    @Test
    void enumsAndDefaultsForTheValuesUsersPick() {
        assertEquals(List.of("RollingUpdate", "OnDelete"),
                schema.fieldAt(YamlPath.parse("spec.updateStrategy.type")).enumValues());
        FieldDef effect = schema.fieldAt(YamlPath.parse("spec.template.spec.tolerations[0].effect"));
        assertEquals(List.of("NoSchedule", "PreferNoSchedule", "NoExecute"), effect.enumValues());
        assertEquals("1", schema.fieldAt(YamlPath.parse("spec.updateStrategy.rollingUpdate.maxUnavailable")).defaultValue());
        assertEquals("TCP", schema.fieldAt(YamlPath.parse("spec.template.spec.containers[0].ports[0].protocol")).defaultValue());
        assertFalse(schema.type("PodSpec").fields().isEmpty());
    }
}
