package dev.dsls.diagnostics;

import dev.dsls.yaml.Range;
import java.util.Map;

/**
 * One problem in a manifest.
 *
 * @param code    stable lower-kebab-case identifier (documented in the README)
 * @param field   the field path as the API server prints it, for problems the API server reports; else null
 * @param reason  the API server's error type ({@code Invalid}, {@code Required}, ...) or {@code Decode}; else null
 * @param data    facts a quick fix needs (a suggested name, a taint to tolerate); never shown to users
 */
public record Diagnostic(Severity severity, String code, String message, Range range, String field, String reason,
                         Map<String, String> data) {
    public Diagnostic {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static Diagnostic of(Severity severity, String code, String message, Range range) {
        return new Diagnostic(severity, code, message, range, null, null, Map.of());
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, code, message, range, field, reason, data);
    }

    public Diagnostic withData(Map<String, String> moreData) {
        java.util.Map<String, String> merged = new java.util.HashMap<>(data);
        merged.putAll(moreData);
        return new Diagnostic(severity, code, message, range, field, reason, merged);
    }
}
