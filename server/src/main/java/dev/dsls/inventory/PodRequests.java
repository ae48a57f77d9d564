package dev.dsls.inventory;

import dev.dsls.schema.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a pod requests as the scheduler counts it (component-helpers resource.PodRequests, then the
 * NodeResourcesFit plugin's computePodResourceRequest): the sum of the containers, sidecars added in
 * order, each regular init container's footprint (its request plus the sidecars started before it)
 * taken as a floor, pod-level requests replacing the aggregate, and overhead on top.
 *
 * <p>Like upstream, which adds resource.Quantity values exactly, the arithmetic is exact and the total
 * is rounded once, into millicores for cpu and whole units for the rest (SetMaxResource): two
 * containers asking 250.5m make 501m, not 502m. Before that, the defaulting the API server applies
 * to the created Pod (SetDefaults_Pod) is replayed: requests missing from a container are its
 * limits, and with PodLevelResources (on by default) pod-level limits give missing pod-level
 * requests (defaultHugePagePodLimits, defaultPodRequests).
 */
public final class PodRequests {
    /** resource.Quantity keeps nine decimals: ParseQuantity rounds anything finer up to 1n. */
    private static final int NANO_SCALE = 9;

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

    /**
     * The requests of a pod: SetDefaults_Pod's pod-level defaulting (missing pod-level requests from the
     * pod-level limits), then resource.PodRequests exactly, then computePodResourceRequest's rounding.
     */
    public static Breakdown compute(PodSpec spec) {
        Map<String, BigDecimal> podRequests = exact(spec.podRequests());
        Map<String, BigDecimal> limits = exact(spec.podLimits());
        Map<String, String> podLevelSources = new HashMap<>();
        podRequests.keySet().forEach(name -> podLevelSources.put(name, "resources.requests." + name));
        Set<String> defaultedLimits = defaultHugePagePodLimits(spec, podRequests, limits);
        defaultPodRequests(spec, podRequests, limits, podLevelSources);
        // A hugepages request defaulted from a defaulted limit comes from the containers after all.
        defaultedLimits.forEach(podLevelSources::remove);

        Map<String, BigDecimal> requests = aggregateContainerRequests(spec);
        podRequests.forEach((name, amount) -> {
            if (Resources.isPodLevelSupported(name)) {
                requests.put(name, amount);
            }
        });
        exact(spec.overhead()).forEach((name, amount) -> requests.merge(name, amount, BigDecimal::add));

        Resources.Accumulator total = new Resources.Accumulator();
        requests.forEach((name, amount) -> total.set(name, Resources.Accumulator.amount(name, amount)));
        return new Breakdown(total.toResources(), sources(spec, total, podLevelSources));
    }

    /**
     * defaultHugePagePodLimits: when pod-level resources are set at all, a hugepages-* resource the
     * containers limit, with neither a pod-level request nor limit, gets the containers' aggregated
     * limit as its pod-level limit.
     *
     * @return the names whose pod-level limit was defaulted
     */
    private static Set<String> defaultHugePagePodLimits(PodSpec spec, Map<String, BigDecimal> podRequests,
            Map<String, BigDecimal> podLimits) {
        Set<String> defaulted = new LinkedHashSet<>();
        if (podRequests.isEmpty() && podLimits.isEmpty()) {
            return defaulted;
        }
        aggregate(spec, Container::limits).forEach((name, amount) -> {
            if (name.startsWith("hugepages-") && !podRequests.containsKey(name) && !podLimits.containsKey(name)) {
                podLimits.put(name, amount);
                defaulted.add(name);
            }
        });
        return defaulted;
    }

    /**
     * defaultPodRequests: when pod-level limits are set, a missing pod-level cpu or memory request is
     * the containers' aggregated request (when they request it), and any other missing supported
     * request (cpu, memory, hugepages-*) is the pod-level limit.
     */
    private static void defaultPodRequests(PodSpec spec, Map<String, BigDecimal> podRequests,
            Map<String, BigDecimal> podLimits, Map<String, String> podLevelSources) {
        if (podLimits.isEmpty()) {
            return;
        }
        aggregateContainerRequests(spec).forEach((name, amount) -> {
            // IsSupportedPodLevelResource and IsOvercommitAllowed: cpu and memory, not hugepages.
            if ((Resources.CPU.equals(name) || Resources.MEMORY.equals(name)) && !podRequests.containsKey(name)) {
                podRequests.put(name, amount);
            }
        });
        podLimits.forEach((name, amount) -> {
            if (Resources.isPodLevelSupported(name) && !podRequests.containsKey(name)) {
                podRequests.put(name, amount);
                podLevelSources.put(name, "resources.limits." + name);
            }
        });
    }

    /** AggregateContainerRequests over the effective (limit-defaulted) container requests. */
    private static Map<String, BigDecimal> aggregateContainerRequests(PodSpec spec) {
        return aggregate(spec, PodRequests::effectiveRequests);
    }

    /**
     * The sidecar-aware sum of AggregateContainerRequests / AggregateContainerLimits: containers and
     * sidecars add up; a regular init container's footprint (its own amount plus the sidecars started
     * before it) and each sidecar's running total are floors. Exact, as addResourceList and
     * maxResourceList are.
     */
    private static Map<String, BigDecimal> aggregate(PodSpec spec,
            java.util.function.Function<Container, Map<String, Quantity>> amounts) {
        Map<String, BigDecimal> sum = new LinkedHashMap<>();
        for (Container container : spec.containers()) {
            add(sum, exact(amounts.apply(container)));
        }
        Map<String, BigDecimal> sidecars = new LinkedHashMap<>();
        Map<String, BigDecimal> initFloor = new LinkedHashMap<>();
        for (Container init : spec.initContainers()) {
            Map<String, BigDecimal> own = exact(amounts.apply(init));
            Map<String, BigDecimal> footprint;
            if (init.isSidecar()) {
                // A sidecar keeps running: it adds to the pod's steady state and to every later init's start.
                add(sum, own);
                add(sidecars, own);
                footprint = sidecars;
            } else {
                footprint = new LinkedHashMap<>(own);
                add(footprint, sidecars);
            }
            max(initFloor, footprint);
        }
        max(sum, initFloor);
        return sum;
    }

    /** SetDefaults_Pod: a container's requests, with its limits standing in for missing ones. */
    private static Map<String, Quantity> effectiveRequests(Container container) {
        if (container.limits().isEmpty()) {
            return container.requests();
        }
        Map<String, Quantity> effective = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(container.requests().keySet());
        names.addAll(container.limits().keySet());
        for (String name : names) {
            Quantity quantity = container.effectiveRequest(name);
            if (quantity != null) {
                effective.put(name, quantity);
            }
        }
        return effective;
    }

    private static void add(Map<String, BigDecimal> sum, Map<String, BigDecimal> amounts) {
        amounts.forEach((name, amount) -> sum.merge(name, amount, BigDecimal::add));
    }

    /** maxResourceList: keeps the larger amount per resource, adding names the floor has. */
    private static void max(Map<String, BigDecimal> sum, Map<String, BigDecimal> floor) {
        floor.forEach((name, amount) -> sum.merge(name, amount, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }

    /** The quantities as exact decimals, rounded up to whole nano units as ParseQuantity does. */
    private static Map<String, BigDecimal> exact(Map<String, Quantity> quantities) {
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        quantities.forEach((name, quantity) -> exact.put(name, exact(quantity)));
        return exact;
    }

    static BigDecimal exact(Quantity quantity) {
        BigDecimal value = quantity.decimal();
        return value.scale() > NANO_SCALE ? value.setScale(NANO_SCALE, RoundingMode.UP) : value;
    }

    private static Map<String, String> sources(PodSpec spec, Resources.Accumulator total,
            Map<String, String> podLevelSources) {
        Map<String, String> sources = new HashMap<>();
        for (String name : total.names()) {
            if (podLevelSources.containsKey(name) && Resources.isPodLevelSupported(name)) {
                sources.put(name, podLevelSources.get(name));
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
