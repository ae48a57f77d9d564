package dev.dsls.inventory;

import dev.dsls.schema.Quantity;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An amount of each resource the scheduler counts, as upstream's framework.Resource holds it: cpu in
 * millicores, memory and ephemeral-storage in bytes, the pod slots, and scalar resources (extended,
 * hugepages-*, kubernetes.io/-prefixed, attachable-volumes-*) in units. Immutable.
 */
public final class Resources {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";

    private final long milliCpu;
    private final long memory;
    private final long ephemeralStorage;
    private final long allowedPods;
    private final Map<String, Long> scalars;
    private final boolean zero;

    public Resources(long milliCpu, long memory, long ephemeralStorage, long allowedPods, Map<String, Long> scalars) {
        this.milliCpu = milliCpu;
        this.memory = memory;
        this.ephemeralStorage = ephemeralStorage;
        this.allowedPods = allowedPods;
        this.scalars = scalars.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(scalars));
        // asked once per node evaluated, so worked out once
        this.zero = milliCpu == 0 && memory == 0 && ephemeralStorage == 0
                && this.scalars.values().stream().allMatch(v -> v == 0);
    }

    /** A node's allocatable (or any resource list): unknown native names such as "storage" are ignored, as upstream does. */
    public static Resources of(Map<String, Quantity> list) {
        Accumulator sum = new Accumulator();
        list.forEach(sum::set);
        return sum.toResources();
    }

    /** Upstream's IsScalarResourceName: extended and prefixed-native names (with a '/'), hugepages-*, attachable-volumes-*. */
    public static boolean isScalar(String name) {
        return name.indexOf('/') >= 0 || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
    }

    /** True for the resources pod-level {@code spec.resources} may set (cpu, memory, hugepages-*). */
    public static boolean isPodLevelSupported(String name) {
        return CPU.equals(name) || MEMORY.equals(name) || name.startsWith("hugepages-");
    }

    /** The amount of one named resource in the unit the scheduler compares (millicores for cpu). */
    public long get(String name) {
        return switch (name) {
            case CPU -> milliCpu;
            case MEMORY -> memory;
            case EPHEMERAL_STORAGE -> ephemeralStorage;
            case PODS -> allowedPods;
            default -> scalars.getOrDefault(name, 0L);
        };
    }

    public long milliCpu() {
        return milliCpu;
    }

    public long memory() {
        return memory;
    }

    public long ephemeralStorage() {
        return ephemeralStorage;
    }

    public long allowedPods() {
        return allowedPods;
    }

    public Map<String, Long> scalars() {
        return scalars;
    }

    /** True when nothing at all is requested: upstream's "no resources requested always fits". */
    /** The names with a non-zero amount, native ones first. */
    public java.util.List<String> names() {
        return new Accumulator().add(this).names();
    }

    public boolean isZero() {
        return zero;
    }

    /** How a person writes the amount: cpu in millicores or cores, memory in binary units when exact. */
    public static String format(String resource, long amount) {
        if (CPU.equals(resource)) {
            return amount % 1000 == 0 ? Long.toString(amount / 1000) : amount + "m";
        }
        if (MEMORY.equals(resource) || EPHEMERAL_STORAGE.equals(resource) || resource.startsWith("hugepages-")) {
            String[] suffixes = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            String best = Long.toString(amount);
            long value = amount;
            for (String suffix : suffixes) {
                if (value == 0 || value % 1024 != 0) {
                    break;
                }
                value /= 1024;
                best = value + suffix;
            }
            return best;
        }
        return Long.toString(amount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resources that && milliCpu == that.milliCpu && memory == that.memory
                && ephemeralStorage == that.ephemeralStorage && allowedPods == that.allowedPods
                && scalars.equals(that.scalars);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(milliCpu, memory, ephemeralStorage, allowedPods, scalars);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("cpu=").append(format(CPU, milliCpu)).append(" memory=")
                .append(format(MEMORY, memory)).append(" ephemeral-storage=")
                .append(format(EPHEMERAL_STORAGE, ephemeralStorage)).append(" pods=").append(allowedPods);
        scalars.forEach((name, value) -> out.append(' ').append(name).append('=').append(value));
        return out.toString();
    }

    /** A mutable sum used while building: per-resource add, max and set. */
    public static final class Accumulator {
        private long milliCpu;
        private long memory;
        private long ephemeralStorage;
        private long allowedPods;
        private final Map<String, Long> scalars = new TreeMap<>();

        /** The amount a quantity stands for in the scheduler's unit for this resource. */
        public static long amount(String resource, Quantity quantity) {
            return CPU.equals(resource) ? quantity.milliValue() : quantity.value();
        }

        /**
         * The amount an exact sum stands for, rounded up once as SetMaxResource does with
         * Quantity.MilliValue (cpu) and Quantity.Value (the rest); beyond the long range it clamps.
         */
        public static long amount(String resource, java.math.BigDecimal exact) {
            java.math.BigDecimal scaled = CPU.equals(resource) ? exact.movePointRight(3) : exact;
            java.math.BigInteger whole = scaled.setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
            if (whole.bitLength() >= 64) {
                return whole.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            return whole.longValue();
        }

        public Accumulator set(String resource, Quantity quantity) {
            return set(resource, amount(resource, quantity));
        }

        public Accumulator set(String resource, long amount) {
            switch (resource) {
                case CPU -> milliCpu = amount;
                case MEMORY -> memory = amount;
                case EPHEMERAL_STORAGE -> ephemeralStorage = amount;
                case PODS -> allowedPods = amount;
                default -> {
                    if (isScalar(resource)) {
                        scalars.put(resource, amount);
                    }
                }
            }
            return this;
        }

        public long get(String resource) {
            return switch (resource) {
                case CPU -> milliCpu;
                case MEMORY -> memory;
                case EPHEMERAL_STORAGE -> ephemeralStorage;
                case PODS -> allowedPods;
                default -> scalars.getOrDefault(resource, 0L);
            };
        }

        public Accumulator add(String resource, long amount) {
            return set(resource, saturatedAdd(get(resource), amount));
        }

        public Accumulator max(String resource, long amount) {
            return amount > get(resource) ? set(resource, amount) : this;
        }

        public Accumulator add(Resources other) {
            milliCpu = saturatedAdd(milliCpu, other.milliCpu);
            memory = saturatedAdd(memory, other.memory);
            ephemeralStorage = saturatedAdd(ephemeralStorage, other.ephemeralStorage);
            allowedPods = saturatedAdd(allowedPods, other.allowedPods);
            other.scalars.forEach(this::add);
            return this;
        }

        /** The names with a non-zero amount, native ones first. */
        public java.util.List<String> names() {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (String name : new String[] {CPU, MEMORY, EPHEMERAL_STORAGE, PODS}) {
                if (get(name) != 0) {
                    names.add(name);
                }
            }
            scalars.forEach((name, value) -> {
                if (value != 0) {
                    names.add(name);
                }
            });
            return names;
        }

        public Resources toResources() {
            return new Resources(milliCpu, memory, ephemeralStorage, allowedPods, scalars);
        }

        private static long saturatedAdd(long a, long b) {
            long sum = a + b;
            return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
        }
    }
}
