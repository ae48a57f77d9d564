package dev.dsls.reliability;

/**
 * A class that must never be loaded: hostile YAML names it in a tag ({@code !!dev.dsls.reliability.Tripwire}),
 * and a parser that constructs objects from tags would initialize it, which leaves a system property behind.
 */
public final class Tripwire {
    /** The system property the initializer sets; tests read it by this literal, which does not load the class. */
    static final String MARK = "dsls.tripwire.initialized";

    static {
        System.setProperty(MARK, "true");
    }

    public boolean armed;

    public Tripwire() {
    }
}
