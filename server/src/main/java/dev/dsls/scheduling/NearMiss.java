package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.inventory.Taint;
import java.util.ArrayList;
import java.util.List;

/**
 * One change that would bring an excluded node in: a label set on (or removed from) the node, or a
 * toleration added to the DaemonSet. Found by trying each single change against the same predicates.
 *
 * @param kind       what changes
 * @param labelKey   the label to set or remove (label kinds), else null
 * @param labelValue the value to set (SET_LABEL), else null
 * @param toleration the toleration to add (ADD_TOLERATION), else null
 * @param message    the change in words, with the kubectl command or YAML to make it
 */
public record NearMiss(Kind kind, String labelKey, String labelValue, Toleration toleration, String message) {
    /** The kinds of single change. */
    public enum Kind {
        SET_LABEL("label"), REMOVE_LABEL("removeLabel"), ADD_TOLERATION("toleration");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The single change that makes the DaemonSet controller want this node, or null when none does (the
     * node is wanted already, the template's nodeName names another node, or two things would have to change).
     */
    public static NearMiss find(DaemonSetSpec daemonSet, Node node) {
        if (!NodeName.fits(daemonSet, node)) {
            return null;
        }
        NodeAffinity affinity = daemonSet.affinity();
        List<Taint> untolerated = TaintToleration.untolerated(node, daemonSet.tolerations());
        boolean labelsMatch = affinity.match(node);
        if (labelsMatch && untolerated.size() == 1) {
            Taint taint = untolerated.get(0);
            Toleration toleration = TaintToleration.tolerationFor(taint);
            return new NearMiss(Kind.ADD_TOLERATION, null, null, toleration, String.format("add the toleration %s to"
                    + " spec.template.spec.tolerations to run on %s (taint %s)", toleration, node.name(), taint));
        }
        if (labelsMatch || !untolerated.isEmpty()) {
            return null;
        }
        for (NearMiss candidate : labelCandidates(affinity, node)) {
            Node changed = candidate.kind() == Kind.SET_LABEL ? node.withLabel(candidate.labelKey(), candidate.labelValue())
                    : node.withoutLabel(candidate.labelKey());
            if (affinity.match(changed)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Label changes worth trying: the one failing nodeSelector entry, and the one failing expression of
     * each term. Each is then tried against the whole affinity, so a change that fixes one part while
     * another still fails is not offered.
     */
    private static List<NearMiss> labelCandidates(NodeAffinity affinity, Node node) {
        List<NearMiss> candidates = new ArrayList<>();
        List<NodeAffinity.SelectorEntry> failing = affinity.failingSelectorEntries(node);
        if (failing.size() == 1) {
            candidates.add(setLabel(node, failing.get(0).key(), failing.get(0).value()));
        } else if (failing.size() > 1) {
            return candidates;
        }
        if (affinity.terms() == null) {
            return candidates;
        }
        for (NodeSelectorTerm term : affinity.terms()) {
            if (term.isEmpty() || term.parseError() != null) {
                continue;
            }
            List<NodeSelectorTerm.Failure> failures = term.failures(node);
            if (failures.size() != 1 || failures.get(0).expression() == null) {
                continue;
            }
            Requirement requirement = failures.get(0).expression();
            NearMiss candidate = switch (requirement.operator()) {
                case In -> setLabel(node, requirement.key(), requirement.values().get(0));
                case Exists -> setLabel(node, requirement.key(), "");
                case NotIn, DoesNotExist -> removeLabel(node, requirement.key());
                case Gt -> requirement.number() < Long.MAX_VALUE
                        ? setLabel(node, requirement.key(), Long.toString(requirement.number() + 1)) : null;
                case Lt -> requirement.number() > 0
                        ? setLabel(node, requirement.key(), Long.toString(requirement.number() - 1)) : null;
            };
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    private static NearMiss setLabel(Node node, String key, String value) {
        boolean overwrite = node.labels().containsKey(key);
        return new NearMiss(Kind.SET_LABEL, key, value, null, String.format("label %s with %s=%s (kubectl label node %s"
                + " %s=%s%s)", node.name(), key, value, node.name(), key, value, overwrite ? " --overwrite" : ""));
    }

    private static NearMiss removeLabel(Node node, String key) {
        return new NearMiss(Kind.REMOVE_LABEL, key, null, null, String.format("remove the label %s from %s (kubectl"
                + " label node %s %s-)", key, node.name(), node.name(), key));
    }
}
