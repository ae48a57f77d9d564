package dev.dsls.inventory;

/**
 * A node taint ({@code spec.taints[*]}). The effect is kept as written: upstream only ever compares
 * it with the strings NoSchedule, PreferNoSchedule and NoExecute.
 */
public record Taint(String key, String value, String effect) {
    public static final String NO_SCHEDULE = "NoSchedule";
    public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
    public static final String NO_EXECUTE = "NoExecute";

    public Taint {
        value = value == null ? "" : value;
        effect = effect == null ? "" : effect;
    }

    /** True for the effects that keep pods away (PreferNoSchedule only lowers a node's score). */
    public boolean repels() {
        return NO_SCHEDULE.equals(effect) || NO_EXECUTE.equals(effect);
    }

    /** As kubectl describe prints it: {@code key=value:Effect}, or {@code key:Effect} without a value. */
    @Override
    public String toString() {
        return value.isEmpty() ? key + ":" + effect : key + "=" + value + ":" + effect;
    }
}
