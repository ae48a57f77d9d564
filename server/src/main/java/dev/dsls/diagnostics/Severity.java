package dev.dsls.diagnostics;

/** Diagnostic severities, named and ordered as LSP has them. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    /** The lower-case name used in JSON output and on the command line. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
