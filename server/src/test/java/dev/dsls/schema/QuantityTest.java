package dev.dsls.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantityTest {
    @ParameterizedTest
    @CsvSource({"500m, 500", "0.5, 500", "1, 1000", "2, 2000", "1.5, 1500", "100u, 1", "1e3, 1000000", "0.0001, 1"})
    void cpuCountsInMillicoresRoundedUp(String text, long millis) {
        assertEquals(millis, Quantity.parse(text).milliValue());
    }

    @ParameterizedTest
    @CsvSource({"1Gi, 1073741824", "1G, 1000000000", "128Mi, 134217728", "1k, 1000", "1Ki, 1024",
        "100m, 1", "1.5Gi, 1610612736", "2e3, 2000", "+1, 1"})
    void memoryCountsInBytesRoundedUp(String text, long bytes) {
        assertEquals(bytes, Quantity.parse(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"512MB", "1Gb", "2 cores", "", "abc", "1.2.3", "--1", "1Kii"})
    void rejectsWhatKubernetesRejects(String text) {
        assertFalse(Quantity.isValid(text));
    }

    @Test
    void explainsTheUnitMistake() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("512MB"));
        assertTrue(error.getMessage().contains("unknown unit \"MB\""));
    }

    @Test
    void comparesByValue() {
        assertTrue(Quantity.parse("1Gi").compareTo(Quantity.parse("512Mi")) > 0);
        assertEquals(Quantity.parse("1000m"), Quantity.parse("1"));
        assertEquals(Long.MAX_VALUE, Quantity.parse("1e30").value());
    }
}
