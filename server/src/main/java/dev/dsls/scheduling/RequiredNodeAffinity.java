package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The RequiredNodeAffinity predicate as the DaemonSet controller and the scheduler apply it
 * (component-helpers nodeaffinity.RequiredNodeAffinity): the template's nodeSelector, every entry an
 * exact label match, ANDed with the required node affinity, whose terms are ORed. Preferred terms
 * never filter. Compiled once per DaemonSet.
 */
public final class RequiredNodeAffinity {
    /** One nodeSelector entry: the node must carry exactly this label. */
    public record SelectorEntry(String key, String value, YamlPath path) {
        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    private final List<SelectorEntry> nodeSelector;
    private final String[] selectorKeys;
    private final String[] selectorValues;
    private final List<NodeSelectorTerm> terms;
    private final YamlPath termsPath;

    /**
     * @param terms the required nodeSelectorTerms, or null when no required affinity is set (every node matches)
     */
    public RequiredNodeAffinity(List<SelectorEntry> nodeSelector, List<NodeSelectorTerm> terms, YamlPath termsPath) {
        this.nodeSelector = List.copyOf(nodeSelector);
        this.selectorKeys = nodeSelector.stream().map(SelectorEntry::key).toArray(String[]::new);
        this.selectorValues = nodeSelector.stream().map(SelectorEntry::value).toArray(String[]::new);
        this.terms = terms == null ? null : List.copyOf(terms);
        this.termsPath = termsPath;
    }

    /** RequiredNodeAffinity.Match: the nodeSelector first, then the affinity terms. */
    public boolean match(Node node) {
        return matchesNodeSelector(node) && matchesAffinity(node);
    }

    public boolean matchesNodeSelector(Node node) {
        Map<String, String> labels = node.labels();
        for (int i = 0; i < selectorKeys.length; i++) {
            if (!selectorValues[i].equals(labels.get(selectorKeys[i]))) {
                return false;
            }
        }
        return true;
    }

    public boolean matchesAffinity(Node node) {
        if (terms == null) {
            return true;
        }
        for (NodeSelectorTerm term : terms) {
            if (term.matches(node)) {
                return true;
            }
        }
        return false;
    }

    /** The nodeSelector entries this node fails. */
    public List<SelectorEntry> failingSelectorEntries(Node node) {
        List<SelectorEntry> failing = new ArrayList<>();
        for (SelectorEntry entry : nodeSelector) {
            if (!entry.value().equals(node.labels().get(entry.key()))) {
                failing.add(entry);
            }
        }
        return failing;
    }

    /** Every nodeSelector and nodeAffinity reason for this node, nodeSelector first (its precedence). */
    public List<Reason> reasons(Node node) {
        List<Reason> reasons = new ArrayList<>();
        for (SelectorEntry entry : failingSelectorEntries(node)) {
            String actual = node.labels().get(entry.key());
            String message = actual == null
                    ? String.format("node has no label %s; the nodeSelector wants %s=%s", entry.key(), entry.key(), entry.value())
                    : String.format("node has %s=%s; the nodeSelector wants %s=%s", entry.key(), actual, entry.key(), entry.value());
            reasons.add(new Reason(ReasonCode.NODE_SELECTOR, message, "nodeSelector " + entry, entry.path()));
        }
        if (!matchesAffinity(node)) {
            reasons.add(affinityReason(node));
        }
        return reasons;
    }

    private Reason affinityReason(Node node) {
        List<String> parts = new ArrayList<>();
        YamlPath only = null;
        int live = 0;
        for (int i = 0; i < terms.size(); i++) {
            NodeSelectorTerm term = terms.get(i);
            String label = terms.size() == 1 ? "" : "term " + (i + 1) + ": ";
            if (term.isEmpty()) {
                parts.add(label + "an empty term selects no node");
                continue;
            }
            live++;
            List<NodeSelectorTerm.Failure> failures = term.failures(node);
            String error = term.parseError();
            if (error != null) {
                parts.add(label + error + ", so the term never matches");
                only = failures.isEmpty() ? term.path() : failures.get(0).path();
                continue;
            }
            List<String> described = failures.stream().map(f -> f.describe(node)).toList();
            parts.add(label + String.join("; ", described));
            only = failures.get(0).path();
        }
        String message = terms.size() == 1
                ? "required node affinity does not match: " + parts.get(0)
                : "none of the " + terms.size() + " required nodeSelectorTerms matches: " + String.join(" | ", parts);
        YamlPath path = live == 1 && only != null ? only : termsPath;
        return new Reason(ReasonCode.NODE_AFFINITY, message, "nodeAffinity", path);
    }

    public List<SelectorEntry> nodeSelector() {
        return nodeSelector;
    }

    /** The required terms, or null when no required node affinity is set. */
    public List<NodeSelectorTerm> terms() {
        return terms;
    }

    /** kubectl's NODE SELECTOR column: the nodeSelector as key=value,… or {@code <none>}. */
    public String nodeSelectorText() {
        if (nodeSelector.isEmpty()) {
            return "<none>";
        }
        return String.join(",", nodeSelector.stream().map(SelectorEntry::toString).toList());
    }
}
