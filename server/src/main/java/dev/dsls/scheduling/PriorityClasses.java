package dev.dsls.scheduling;

import dev.dsls.inventory.PodSpec;
import dev.dsls.inventory.PriorityClass;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The priority admission plugin's view of PriorityClasses (plugin/pkg/admission/priority): the two
 * built-in system classes plus those declared in the manifests and the inventory; a pod without a
 * class name gets the global default (the lowest-valued one when several claim it), else 0.
 */
public final class PriorityClasses {
    public static final String SYSTEM_NODE_CRITICAL = "system-node-critical";
    public static final String SYSTEM_CLUSTER_CRITICAL = "system-cluster-critical";
    public static final PriorityClasses BUILT_IN = of(java.util.List.of());

    /**
     * The priority a pod gets and whether it may preempt.
     *
     * @param className the class that gave the value ("" when none applies)
     * @param known     false when the named class is neither built in nor declared: admission rejects such pods
     */
    public record Priority(String className, int value, boolean preempts, boolean known) {
        static final Priority ZERO = new Priority("", 0, true, true);
    }

    private final Map<String, PriorityClass> declared;
    private final PriorityClass globalDefault;

    private PriorityClasses(Map<String, PriorityClass> declared, PriorityClass globalDefault) {
        this.declared = declared;
        this.globalDefault = globalDefault;
    }

    /** The built-in classes with these declared ones over them (a later declaration of a name wins). */
    public static PriorityClasses of(Collection<PriorityClass> classes) {
        Map<String, PriorityClass> byName = new LinkedHashMap<>();
        byName.put(SYSTEM_NODE_CRITICAL, new PriorityClass(SYSTEM_NODE_CRITICAL, 2_000_001_000, false,
                PriorityClass.PREEMPT_LOWER_PRIORITY, null));
        byName.put(SYSTEM_CLUSTER_CRITICAL, new PriorityClass(SYSTEM_CLUSTER_CRITICAL, 2_000_000_000, false,
                PriorityClass.PREEMPT_LOWER_PRIORITY, null));
        PriorityClass lowestDefault = null;
        for (PriorityClass priorityClass : classes) {
            byName.put(priorityClass.name(), priorityClass);
        }
        for (PriorityClass priorityClass : byName.values()) {
            if (priorityClass.globalDefault() && (lowestDefault == null || priorityClass.value() < lowestDefault.value())) {
                lowestDefault = priorityClass;
            }
        }
        return new PriorityClasses(byName, lowestDefault);
    }

    /** What admission gives a pod naming this class ("" or null for none). */
    public Priority resolve(String className) {
        if (className == null || className.isEmpty()) {
            return globalDefault == null ? Priority.ZERO
                    : new Priority(globalDefault.name(), globalDefault.value(), globalDefault.preempts(), true);
        }
        PriorityClass found = declared.get(className);
        return found == null ? new Priority(className, 0, true, false)
                : new Priority(found.name(), found.value(), found.preempts(), true);
    }

    /** A running pod's priority (corev1helpers.PodPriority): spec.priority as admission set it, else from its class. */
    public int priorityOf(PodSpec spec) {
        return spec.priority() != null ? spec.priority() : resolve(spec.priorityClassName()).value();
    }

    /** The declared and built-in class names, for "did you mean". */
    public java.util.Set<String> names() {
        return declared.keySet();
    }
}
