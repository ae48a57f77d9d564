package dev.dsls.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionTest {
    @Test
    void aSupportedVersionIsNamedWithOrWithoutTheV() {
        assertEquals(new KubernetesVersion(1, 31), KubernetesVersion.parse("1.31"));
        assertEquals(new KubernetesVersion(1, 31), KubernetesVersion.parse("v1.31"));
        assertEquals("1.36", KubernetesVersion.parse("1.36").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.30", "1.37", "1.31.4", "131", "1", "v", "latest", "", "1.031x", "99999999999.1"})
    void anythingElseIsRefusedWithTheSupportedVersions(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> KubernetesVersion.parse(text));
        assertEquals(text + " is not a Kubernetes version dsls supports; the supported versions are 1.31, 1.32, 1.33,"
                + " 1.34, 1.35 and 1.36", refused.getMessage());
    }

    @Test
    void versionsCompareByMinorAndKnowTheirPredecessor() {
        KubernetesVersion oldest = KubernetesVersion.parse("1.31");
        KubernetesVersion newest = KubernetesVersion.parse("1.36");
        assertTrue(oldest.isBefore(newest));
        assertTrue(new KubernetesVersion(1, 9).isBefore(oldest), "1.9 is before 1.31, not after it");
        assertEquals(KubernetesVersion.parse("1.35"), newest.previous());
        assertNull(oldest.previous());
    }

    @Test
    void listsReadAsASentence() {
        assertEquals("1.31", KubernetesVersion.listed(List.of(new KubernetesVersion(1, 31))));
        assertEquals("1.31 and 1.32", KubernetesVersion.listed(List.of(new KubernetesVersion(1, 31),
                new KubernetesVersion(1, 32))));
    }
}
