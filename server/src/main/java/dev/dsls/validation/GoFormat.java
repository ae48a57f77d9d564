package dev.dsls.validation;

import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints values the way the API server's field errors print them (Go's {@code %q} for strings,
 * {@code %#v} for maps and slices), so dsls' messages read exactly like kubectl's.
 */
final class GoFormat {
    private GoFormat() {
    }

    /** Go's %q: a double-quoted string with Go escapes. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A map[string]string as %#v prints it: keys sorted, or {@code (nil)} for an absent map. */
    static String stringMap(YMap map) {
        if (map == null) {
            return "map[string]string(nil)";
        }
        Map<String, String> sorted = new TreeMap<>();
        for (YEntry entry : map.entries()) {
            sorted.put(entry.name(), entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "");
        }
        StringBuilder out = new StringBuilder("map[string]string{");
        boolean first = true;
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            out.append(first ? "" : ", ").append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
            first = false;
        }
        return out.append('}').toString();
    }

    /** A []string as %#v prints it. */
    static String stringSlice(List<String> values) {
        StringBuilder out = new StringBuilder("[]string{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return out.append('}').toString();
    }

    /**
     * A pointer field inside a struct printed with %#v: Go prints the address, which differs on
     * every request, so dsls prints a placeholder for a set pointer.
     */
    static String pointer(String type, boolean set) {
        return "(*" + type + ")(" + (set ? "0x..." : "nil") + ")";
    }

    /** The texts of a list of scalars (non-scalars read as ""). */
    static List<String> texts(List<YNode> items) {
        return items.stream().map(node -> node instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "")
                .toList();
    }
}
