package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.inventory.Taint;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The taint predicate (component-helpers FindMatchingUntoleratedTaint, as the DaemonSet controller's
 * predicates and the scheduler's TaintToleration filter use it): every NoSchedule and NoExecute taint
 * must be tolerated; PreferNoSchedule only affects scoring. Daemon pods carry extra tolerations
 * (daemonset util AddOrUpdateDaemonPodTolerations).
 */
public final class TaintToleration implements FilterPlugin<Node> {
    public static final TaintToleration PLUGIN = new TaintToleration();

    public static final String NOT_READY = "node.kubernetes.io/not-ready";
    public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    public static final String DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
    public static final String MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
    public static final String PID_PRESSURE = "node.kubernetes.io/pid-pressure";
    public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    public static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

    /**
     * Taint keys the node lifecycle controller, cloud providers and the cluster autoscaler put on and take
     * off nodes as conditions change: a toleration for them matters even when no node has the taint right
     * now, and tolerating one just to get in is never the advice (the node is not ready, or going away).
     */
    private static final List<String> TRANSIENT_TAINT_PREFIXES = List.of("node.kubernetes.io/",
            "node.cloudprovider.kubernetes.io/", "ToBeDeletedByClusterAutoscaler", "DeletionCandidateOfClusterAutoscaler");

    private static final List<Toleration> ALWAYS = List.of(
            automatic(NOT_READY, Taint.NO_EXECUTE),
            automatic(UNREACHABLE, Taint.NO_EXECUTE),
            automatic(DISK_PRESSURE, Taint.NO_SCHEDULE),
            automatic(MEMORY_PRESSURE, Taint.NO_SCHEDULE),
            automatic(PID_PRESSURE, Taint.NO_SCHEDULE),
            automatic(UNSCHEDULABLE, Taint.NO_SCHEDULE));

    private TaintToleration() {
    }

    @Override
    public String name() {
        return "TaintToleration";
    }

    @Override
    public boolean passes(CompiledDaemonSet daemonSet, Node node) {
        return fits(node, daemonSet.tolerations());
    }

    @Override
    public List<Reason> reasons(CompiledDaemonSet daemonSet, Node node) {
        return reasons(node, daemonSet.tolerations(), CompiledDaemonSet.TOLERATIONS);
    }

    /** True for a taint key that comes and goes with the node's conditions (not-ready, pressure, scale-down). */
    public static boolean isTransient(String key) {
        return !key.isEmpty() && TRANSIENT_TAINT_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** One untolerated taint that is the operator's (not a condition the node is in): tolerate it. */
    @Override
    public NearMiss nearMiss(CompiledDaemonSet daemonSet, Node node) {
        List<Taint> untolerated = untolerated(node, daemonSet.tolerations());
        if (untolerated.size() != 1 || isTransient(untolerated.get(0).key())) {
            return null;
        }
        Taint taint = untolerated.get(0);
        Toleration toleration = tolerationFor(taint);
        return new NearMiss(NearMiss.Kind.ADD_TOLERATION, null, null, toleration, String.format("add the toleration %s to"
                + " spec.template.spec.tolerations to run on %s (taint %s)", toleration, node.name(), taint));
    }

    private static Toleration automatic(String key, String effect) {
        return new Toleration(key, "Exists", "", effect, null);
    }

    /**
     * The tolerations every daemon pod gets: not-ready and unreachable NoExecute forever, the pressure and
     * unschedulable NoSchedule taints, and network-unavailable only for hostNetwork pods (they need no CNI).
     */
    public static List<Toleration> daemonSetTolerations(boolean hostNetwork) {
        if (!hostNetwork) {
            return ALWAYS;
        }
        List<Toleration> all = new ArrayList<>(ALWAYS);
        all.add(automatic(NETWORK_UNAVAILABLE, Taint.NO_SCHEDULE));
        return List.copyOf(all);
    }

    /** True when some toleration tolerates the taint. */
    public static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        for (Toleration toleration : tolerations) {
            if (toleration.toleratesTaint(taint)) {
                return true;
            }
        }
        return false;
    }

    /** True when every NoSchedule and NoExecute taint of the node is tolerated. */
    public static boolean fits(Node node, List<Toleration> tolerations) {
        for (Taint taint : node.taints()) {
            if (taint.repels() && !tolerated(taint, tolerations)) {
                return false;
            }
        }
        return true;
    }

    /** True when some NoExecute taint is not tolerated: a running daemon pod would be deleted. */
    public static boolean hasUntoleratedNoExecute(Node node, List<Toleration> tolerations) {
        for (Taint taint : node.taints()) {
            if (Taint.NO_EXECUTE.equals(taint.effect()) && !tolerated(taint, tolerations)) {
                return true;
            }
        }
        return false;
    }

    /** The NoSchedule and NoExecute taints of the node that no toleration tolerates, in node order. */
    public static List<Taint> untolerated(Node node, List<Toleration> tolerations) {
        List<Taint> untolerated = new ArrayList<>();
        for (Taint taint : node.taints()) {
            if (taint.repels() && !tolerated(taint, tolerations)) {
                untolerated.add(taint);
            }
        }
        return untolerated;
    }

    /** One reason per untolerated taint, pointing at the tolerations (or where they would go). */
    public static List<Reason> reasons(Node node, List<Toleration> tolerations, YamlPath tolerationsPath) {
        List<Reason> reasons = new ArrayList<>();
        for (Taint taint : untolerated(node, tolerations)) {
            String message = String.format("node has the taint %s and the pod template does not tolerate it", taint);
            if (Taint.NO_SCHEDULE.equals(taint.effect()) && (NOT_READY.equals(taint.key()) || UNREACHABLE.equals(taint.key()))) {
                message += " (daemon pods tolerate only its NoExecute form, so a NotReady node gets no new daemon pod)";
            }
            reasons.add(new Reason(ReasonCode.TAINT, message, "taint " + taint, tolerationsPath));
        }
        return reasons;
    }

    /** The toleration that would admit the taint: Exists when the taint has no value, else Equal. */
    public static Toleration tolerationFor(Taint taint) {
        return taint.value().isEmpty()
                ? new Toleration(taint.key(), "Exists", "", taint.effect(), null)
                : new Toleration(taint.key(), "Equal", taint.value(), taint.effect(), null);
    }
}
