package dev.dsls.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.yaml.YamlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesSchemaTest {
    private final KubernetesSchema schema = KubernetesSchema.get();

    @Test
    void targetsKubernetes136() {
        assertEquals("1.36", schema.kubernetesVersion());
        assertEquals("DaemonSet", schema.root().name());
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
