package dev.dsls.scheduling;

import dev.dsls.inventory.Taint;
import dev.dsls.yaml.YamlPath;

/**
 * A pod toleration (core/v1 Toleration) with where it is written; automatic tolerations have no path.
 *
 * @param path null for the tolerations the DaemonSet controller adds itself
 */
public record Toleration(String key, String operator, String value, String effect, YamlPath path) {
    public Toleration {
        key = key == null ? "" : key;
        operator = operator == null ? "" : operator;
        value = value == null ? "" : value;
        effect = effect == null ? "" : effect;
    }

    /**
     * Toleration.ToleratesTaint: a set effect must equal the taint's, a set key must equal the taint's,
     * then Equal (or no operator) compares values and Exists matches any. The alpha Lt/Gt operators are
     * behind a gate that is off by default, and then never tolerate.
     */
    public boolean toleratesTaint(Taint taint) {
        if (!effect.isEmpty() && !effect.equals(taint.effect())) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return switch (operator) {
            case "", "Equal" -> value.equals(taint.value());
            case "Exists" -> true;
            default -> false;
        };
    }

    /** As YAML flow: {@code {key: k, operator: Exists, effect: NoSchedule}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        if (!key.isEmpty()) {
            out.append("key: ").append(key).append(", ");
        }
        out.append("operator: ").append(operator.isEmpty() ? "Equal" : operator);
        if (!value.isEmpty()) {
            out.append(", value: ").append(value);
        }
        if (!effect.isEmpty()) {
            out.append(", effect: ").append(effect);
        }
        return out.append('}').toString();
    }
}
