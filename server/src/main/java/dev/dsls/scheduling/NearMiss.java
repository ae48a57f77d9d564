package dev.dsls.scheduling;

import dev.dsls.inventory.Node;

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
     * The single change that makes the DaemonSet controller want this node, or null when none does: the
     * node is wanted already, or more than one predicate fails, or the failing one has no single change.
     */
    public static NearMiss find(CompiledDaemonSet daemonSet, Node node) {
        FilterPlugin<Node> failing = null;
        for (FilterPlugin<Node> predicate : DaemonSetController.PREDICATES) {
            if (!predicate.passes(daemonSet, node)) {
                if (failing != null) {
                    return null;
                }
                failing = predicate;
            }
        }
        return failing == null ? null : failing.nearMiss(daemonSet, node);
    }

    static NearMiss setLabel(Node node, String key, String value) {
        boolean overwrite = node.labels().containsKey(key);
        return new NearMiss(Kind.SET_LABEL, key, value, null, String.format("label %s with %s=%s (kubectl label node %s"
                + " %s=%s%s)", node.name(), key, value, node.name(), key, value, overwrite ? " --overwrite" : ""));
    }

    static NearMiss removeLabel(Node node, String key) {
        return new NearMiss(Kind.REMOVE_LABEL, key, null, null, String.format("remove the label %s from %s (kubectl"
                + " label node %s %s-)", key, node.name(), node.name(), key));
    }
}
