package dev.dsls.inventory;

/**
 * A PriorityClass (scheduling.k8s.io/v1) from the inventory or the manifests: the priority admission
 * gives the pods that name it, and whether they may preempt.
 *
 * @param preemptionPolicy PreemptLowerPriority (the default) or Never
 */
public record PriorityClass(String name, int value, boolean globalDefault, String preemptionPolicy,
                            SourceLocation source) {
    public static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";
    public static final String NEVER = "Never";

    public boolean preempts() {
        return !NEVER.equals(preemptionPolicy);
    }
}
