package dev.dsls.validation;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.YamlPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports field errors the way apimachinery's field.Error prints them: the path as the API server
 * prints it, the error type as {@code reason}, and the body ("Invalid value: "Foo": ...") followed by
 * a sentence saying how to fix it. Like field.ErrorList.ToAggregate, an error printed twice is
 * reported once.
 */
final class FieldErrors {
    /** Where an error goes: the path the API server prints, and the YAML node to mark. */
    record Where(String field, YamlPath node, boolean markKey) {
        /** The usual case: the printed path is where the node is. */
        static Where at(YamlPath path) {
            return new Where(path.toString(), path, false);
        }

        /** A quirk of upstream: the printed path differs from where the YAML node is. */
        static Where printedAs(String field, YamlPath node) {
            return new Where(field, node, false);
        }

        /** Marks the key of the entry rather than its value (for a bad map key, or a field that must go). */
        Where onKey() {
            return new Where(field, node, true);
        }
    }

    private final DiagnosticSink sink;
    private final FeatureGates gates;
    private final Set<String> reported = new HashSet<>();

    FieldErrors(DiagnosticSink sink, FeatureGates gates) {
        this.sink = sink;
        this.gates = gates;
    }

    /**
     * True when the target version's schema has the field at this path: a field it lacks is already an
     * unknown field, not one the API server would drop.
     */
    boolean existsInTarget(YamlPath path) {
        dev.dsls.schema.FieldDef field = dev.dsls.schema.KubernetesSchema.get().fieldAt(path);
        return field != null && field.availableIn(sink.kubernetesVersion());
    }

    /** The target cluster's feature gates: the validation options the API server derives from them. */
    FeatureGates gates() {
        return gates;
    }

    DiagnosticSink sink() {
        return sink;
    }

    void required(String code, Where where, String detail, String fix) {
        error(code, where, "Required", "Required value" + detailPart(detail), fix);
    }

    /** @param goValue the bad value as Go prints it (see {@link GoFormat}) */
    void invalid(String code, Where where, String goValue, String detail, String fix) {
        error(code, where, "Invalid", "Invalid value: " + goValue + detailPart(detail), fix);
    }

    void invalidString(String code, Where where, String value, String detail, String fix) {
        invalid(code, where, GoFormat.quote(value), detail, fix);
    }

    void notSupported(String code, Where where, String goValue, List<String> supported, String fix) {
        String values = supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
        error(code, where, "NotSupported", "Unsupported value: " + goValue
                + (supported.isEmpty() ? "" : ": supported values: " + values), fix);
    }

    void forbidden(String code, Where where, String detail, String fix) {
        error(code, where, "Forbidden", "Forbidden" + detailPart(detail), fix);
    }

    void duplicate(String code, Where where, String goValue, String fix) {
        error(code, where, "Duplicate", "Duplicate value: " + goValue, fix);
    }

    void notFound(String code, Where where, String goValue, String fix) {
        error(code, where, "NotFound", "Not found: " + goValue, fix);
    }

    /** A NotFound whose Detail upstream sets after the fact (field.NotFound takes no explanation). */
    void notFound(String code, Where where, String goValue, String detail, String fix) {
        error(code, where, "NotFound", "Not found: " + goValue + detailPart(detail), fix);
    }

    void tooLong(String code, Where where, int maxBytes, String fix) {
        error(code, where, "TooLong", "Too long: must have at most " + maxBytes + " bytes", fix);
    }

    /** field.TooMany: a list with more items than allowed; the actual count is the printed value. */
    void tooMany(String code, Where where, int actual, int max, String fix) {
        error(code, where, "TooMany", "Too many: " + actual + ": must have at most " + max + " items", fix);
    }

    /** What the API server only warns about (pkg/api/pod/warnings.go): it still accepts the object. */
    void warning(String code, Where where, String upstreamText, String advice) {
        report(Severity.WARNING, code, where, "Warning", upstreamText, advice);
    }

    private void error(String code, Where where, String reason, String body, String fix) {
        report(Severity.ERROR, code, where, reason, body, fix);
    }

    private void report(Severity severity, String code, Where where, String reason, String body, String fix) {
        if (!reported.add(where.field() + "\u0000" + reason + "\u0000" + body)) {
            return;
        }
        String message = fix == null || fix.isEmpty() ? body : body + (body.endsWith(".") ? " " : ". ") + fix;
        ManifestObject object = sink.object();
        Range range = onlyRootPresent(object, where.node()) ? object.headerRange()
                : object.rangeOf(where.node(), !where.markKey());
        sink.add(new Diagnostic(severity, code, message, range, where.field(), reason, Map.of()));
    }

    /** True when nothing of the path exists below the object's root: marking the whole document helps nobody. */
    private static boolean onlyRootPresent(ManifestObject object, YamlPath path) {
        for (YamlPath prefix = path; !prefix.isRoot(); prefix = prefix.parent()) {
            if (object.at(prefix) != null) {
                return false;
            }
        }
        return true;
    }

    private static String detailPart(String detail) {
        return detail == null || detail.isEmpty() ? "" : ": " + detail;
    }

    List<Diagnostic> diagnostics() {
        return sink.diagnostics();
    }
}
