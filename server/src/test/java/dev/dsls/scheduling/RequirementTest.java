package dev.dsls.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** labels.Requirement: every operator and the Gt/Lt parse rules (placement-semantics 7). */
class RequirementTest {
    private static Requirement req(String key, String op, String... values) {
        return Requirement.of(key, op, List.of(values), null);
    }

    private static final Map<String, String> LABELS = Map.of("zone", "a", "cores", "0206", "name", "x", "weird", "ten");

    @Test
    void inNeedsTheKeyWithOneOfTheValues() {
        assertTrue(req("zone", "In", "a", "b").matches(LABELS));
        assertFalse(req("zone", "In", "b").matches(LABELS));
        assertFalse(req("missing", "In", "a").matches(LABELS));
    }

    @Test
    void notInHoldsForAnAbsentKey() {
        assertTrue(req("missing", "NotIn", "a").matches(LABELS));
        assertTrue(req("zone", "NotIn", "b").matches(LABELS));
        assertFalse(req("zone", "NotIn", "a", "b").matches(LABELS));
    }

    @Test
    void existsAndDoesNotExistTestOnlyTheKey() {
        assertTrue(req("zone", "Exists").matches(LABELS));
        assertFalse(req("missing", "Exists").matches(LABELS));
        assertTrue(req("missing", "DoesNotExist").matches(LABELS));
        assertFalse(req("zone", "DoesNotExist").matches(LABELS));
        assertNotNull(req("zone", "Exists", "a").parseError(), "Exists takes no values");
    }

    @Test
    void gtAndLtParseBothSidesAsInt64AndCompareStrictly() {
        assertTrue(req("cores", "Gt", "205").matches(LABELS), "leading zeros: 0206 is 206");
        assertFalse(req("cores", "Gt", "206").matches(LABELS), "strict");
        assertTrue(req("cores", "Lt", "0207").matches(LABELS));
        assertNotNull(req("cores", "Gt", "+5").parseError(), "ParseInt takes a sign, but +5 is not a label value");
        assertFalse(req("weird", "Gt", "1").matches(LABELS), "a node value that does not parse is false");
        assertFalse(req("missing", "Lt", "10").matches(LABELS), "unlike NotIn, Lt needs the label");
    }

    @Test
    void aGtValueThatIsNotAnIntegerIsAParseErrorThatNeverMatches() {
        Requirement ten = req("cores", "Gt", "ten");
        assertEquals("Gt value \"ten\" is not an integer", ten.parseError());
        assertFalse(ten.matches(LABELS));
        assertNotNull(req("cores", "Lt", "1.5").parseError());
        assertNotNull(req("cores", "Gt", "1", "2").parseError(), "exactly one value");
        assertNotNull(req("cores", "Gt", "-5").parseError(), "-5 is not a label value");
    }

    @Test
    void invalidOperatorsKeysAndValuesAreParseErrors() {
        assertNotNull(req("zone", "Equals", "a").parseError());
        assertNotNull(req("bad key", "Exists").parseError());
        assertNotNull(req("zone", "In").parseError(), "In needs values");
        assertNotNull(req("zone", "In", "not a value").parseError());
        assertNull(req("topology.kubernetes.io/zone", "In", "eu-west-1a").parseError());
        assertEquals("zone in (a,b)", req("zone", "In", "a", "b").toString());
    }
}
