package dev.dsls.language;

import java.util.List;
import java.util.Map;

/** What completion and hover need to know about the node inventory. */
public interface NodeFacts {
    NodeFacts NONE = new NodeFacts() {
        @Override
        public int nodeCount() {
            return 0;
        }

        @Override
        public List<String> nodeNames() {
            return List.of();
        }

        @Override
        public Map<String, Map<String, List<String>>> labels() {
            return Map.of();
        }

        @Override
        public List<Taint> taints() {
            return List.of();
        }
    };

    /** A taint as nodes carry it, with the names of the nodes that carry it. */
    record Taint(String key, String value, String effect, List<String> nodes) {
        public String display() {
            return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
        }
    }

    int nodeCount();

    List<String> nodeNames();

    /** Label key → value → names of the nodes with that label value, keys and values sorted. */
    Map<String, Map<String, List<String>>> labels();

    /** Every distinct taint of the inventory. */
    List<Taint> taints();
}
