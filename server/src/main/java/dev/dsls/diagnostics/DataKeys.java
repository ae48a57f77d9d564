package dev.dsls.diagnostics;

/**
 * The keys of {@link Diagnostic#data()}: facts a check records for the quick fix of its diagnostic,
 * declared once so the check that writes a fact and the fix that reads it cannot drift apart.
 */
public final class DataKeys {
    /** The near name of an unknown field, label, value or node name. */
    public static final String SUGGESTION = "suggestion";
    /** An unquoted YAML 1.1 boolean or number, quoted. */
    public static final String QUOTED = "quoted";
    /** The apiVersion to use instead of a retired one. */
    public static final String REPLACEMENT = "replacement";
    /** A toleration, in flow YAML, that would bring an excluded node in. */
    public static final String TOLERATION = "toleration";
    /** What adding that toleration changes, in words. */
    public static final String TAINT = "taint";

    private DataKeys() {
    }
}
