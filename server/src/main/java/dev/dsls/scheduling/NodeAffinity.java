package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.schema.NodeLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * The NodeAffinity predicate: the template's nodeSelector and required node affinity
 * ({@link RequiredNodeAffinity}, compiled once per DaemonSet) must match the node's labels.
 */
public final class NodeAffinity implements FilterPlugin<Node> {
    public static final NodeAffinity PLUGIN = new NodeAffinity();

    private NodeAffinity() {
    }

    @Override
    public String name() {
        return "NodeAffinity";
    }

    @Override
    public boolean passes(CompiledDaemonSet daemonSet, Node node) {
        return daemonSet.affinity().match(node);
    }

    @Override
    public List<Reason> reasons(CompiledDaemonSet daemonSet, Node node) {
        return daemonSet.affinity().reasons(node);
    }

    /** The first label change, of those the failing parts suggest, that makes the whole affinity match. */
    @Override
    public NearMiss nearMiss(CompiledDaemonSet daemonSet, Node node) {
        RequiredNodeAffinity affinity = daemonSet.affinity();
        for (NearMiss candidate : labelCandidates(affinity, node)) {
            if (NodeLabels.isWellKnown(candidate.labelKey())) {
                continue;
            }
            Node changed = candidate.kind() == NearMiss.Kind.SET_LABEL
                    ? node.withLabel(candidate.labelKey(), candidate.labelValue()) : node.withoutLabel(candidate.labelKey());
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
    private static List<NearMiss> labelCandidates(RequiredNodeAffinity affinity, Node node) {
        List<NearMiss> candidates = new ArrayList<>();
        List<RequiredNodeAffinity.SelectorEntry> failing = affinity.failingSelectorEntries(node);
        if (failing.size() == 1) {
            candidates.add(NearMiss.setLabel(node, failing.get(0).key(), failing.get(0).value()));
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
                case In -> NearMiss.setLabel(node, requirement.key(), requirement.values().get(0));
                case Exists -> NearMiss.setLabel(node, requirement.key(), "");
                case NotIn, DoesNotExist -> NearMiss.removeLabel(node, requirement.key());
                case Gt -> requirement.number() < Long.MAX_VALUE
                        ? NearMiss.setLabel(node, requirement.key(), Long.toString(requirement.number() + 1)) : null;
                case Lt -> requirement.number() > 0
                        ? NearMiss.setLabel(node, requirement.key(), Long.toString(requirement.number() - 1)) : null;
            };
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }
}
