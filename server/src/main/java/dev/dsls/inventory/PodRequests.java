package dev.dsls.inventory;

import dev.dsls.schema.Quantity;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a pod requests as the scheduler counts it (component-helpers resource.PodRequests): the sum of
 * the containers, sidecars added in order, each regular init container's footprint (its request plus
 * the sidecars started before it) taken as a floor, pod-level requests replacing the aggregate, and
 * overhead on top. Requests missing from a container are its limits (SetDefaults_Pod).
 */
public final class PodRequests {
    private PodRequests() {
    }

    /** The total request of a pod, in scheduler units. */
    public static Resources of(PodSpec spec) {
        return compute(spec).total();
    }

    /**
     * The total and, per resource, the field (relative to the pod spec) that is responsible for it, so a
     * finding about "cpu" can point at the container that asks most.
     */
    public record Breakdown(Resources total, Map<String, String> sources) {
    }

    public static Breakdown compute(PodSpec spec) {
        Resources.Accumulator requests = new Resources.Accumulator();
        for (Container container : spec.containers()) {
            addRequests(requests, container);
        }
        Resources.Accumulator sidecars = new Resources.Accumulator();
        Resources.Accumulator initFloor = new Resources.Accumulator();
        for (Container init : spec.initContainers()) {
            Resources.Accumulator own = new Resources.Accumulator();
            addRequests(own, init);
            Resources.Accumulator footprint;
            if (init.isSidecar()) {
                // A sidecar keeps running: it adds to the pod's steady state and to every later init's start.
                addRequests(requests, init);
                addRequests(sidecars, init);
                footprint = copy(sidecars);
            } else {
                footprint = copy(own).add(sidecars.toResources());
            }
            for (String name : footprint.names()) {
                initFloor.max(name, footprint.get(name));
            }
        }
        for (String name : initFloor.names()) {
            requests.max(name, initFloor.get(name));
        }
        for (Map.Entry<String, Quantity> entry : spec.podRequests().entrySet()) {
            if (Resources.isPodLevelSupported(entry.getKey())) {
                requests.set(entry.getKey(), entry.getValue());
            }
        }
        spec.overhead().forEach((name, quantity) -> requests.add(name, Resources.Accumulator.amount(name, quantity)));
        return new Breakdown(requests.toResources(), sources(spec, requests));
    }

    private static void addRequests(Resources.Accumulator sum, Container container) {
        for (String name : resourceNames(container)) {
            Quantity quantity = container.effectiveRequest(name);
            if (quantity != null) {
                sum.add(name, Resources.Accumulator.amount(name, quantity));
            }
        }
    }

    private static Iterable<String> resourceNames(Container container) {
        if (container.limits().isEmpty()) {
            return container.requests().keySet();
        }
        Set<String> names = new LinkedHashSet<>(container.requests().keySet());
        names.addAll(container.limits().keySet());
        return names;
    }

    private static Resources.Accumulator copy(Resources.Accumulator sum) {
        return new Resources.Accumulator().add(sum.toResources());
    }

    private static Map<String, String> sources(PodSpec spec, Resources.Accumulator total) {
        Map<String, String> sources = new HashMap<>();
        for (String name : total.names()) {
            if (spec.podRequests().containsKey(name) && Resources.isPodLevelSupported(name)) {
                sources.put(name, "resources.requests." + name);
                continue;
            }
            String best = null;
            long bestAmount = 0;
            for (String list : new String[] {"containers", "initContainers"}) {
                for (Container container : list.equals("containers") ? spec.containers() : spec.initContainers()) {
                    Quantity quantity = container.effectiveRequest(name);
                    long amount = quantity == null ? 0 : Resources.Accumulator.amount(name, quantity);
                    if (amount > bestAmount) {
                        bestAmount = amount;
                        best = list + "[" + container.index() + "].resources."
                                + (container.requestFromLimit(name) ? "limits" : "requests") + "[" + name + "]";
                    }
                }
            }
            if (best == null && spec.overhead().containsKey(name)) {
                best = "overhead[" + name + "]";
            }
            if (best != null) {
                sources.put(name, best);
            }
        }
        return sources;
    }
}
