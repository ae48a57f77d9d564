package dev.dsls.validation;

/** The feature gates of a cluster left at its version's defaults: Kubernetes 1.{@code minor}. */
public record FeatureGates(int minor) {
    public boolean enabled(FeatureGate gate) {
        return minor >= gate.onByDefaultSince();
    }

    /** "1.32" */
    public String version() {
        return "1." + minor;
    }

    /** When the gate turns on by default, in words: "on by default from 1.34", or "off by default in every release so far". */
    public static String whenOn(FeatureGate gate) {
        return gate.onByDefaultSince() == FeatureGate.NEVER ? "off by default in every release so far"
                : "on by default from 1." + gate.onByDefaultSince();
    }
}
