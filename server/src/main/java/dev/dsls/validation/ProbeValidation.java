package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_LIFECYCLE;
import static dev.dsls.validation.ValidationCodes.INVALID_PROBE;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.List;

/** validateProbe, validateLivenessProbe & co., validateLifecycle and validateHandler (core validation). */
final class ProbeValidation {
    static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    static final List<String> LIFECYCLE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "sleep");
    private static final List<String> PROBE_COUNTERS = List.of("initialDelaySeconds", "timeoutSeconds",
            "periodSeconds", "successThreshold", "failureThreshold");

    private ProbeValidation() {
    }

    /** The three probes of a container that may have them (a regular container or a sidecar). */
    static void validateProbes(YMap container, Long gracePeriod, YamlPath containerPath, FieldErrors errors) {
        for (String kind : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            YMap probe = Fields.map(container, kind);
            if (probe == null) {
                continue;
            }
            YamlPath path = containerPath.field(kind);
            validateProbe(probe, path, errors);
            Long successThreshold = Defaults.probeField(probe, "successThreshold");
            if (!kind.equals("readinessProbe") && successThreshold != null && successThreshold != 1) {
                errors.invalid(INVALID_PROBE, Where.at(path.field("successThreshold")), Long.toString(successThreshold),
                        "must be 1", "A " + kind + " counts a single success: remove successThreshold.");
            }
            if (kind.equals("readinessProbe") && Fields.isSet(probe, "terminationGracePeriodSeconds")) {
                Long seconds = Fields.integer(probe, "terminationGracePeriodSeconds", 0);
                errors.invalid(INVALID_PROBE, Where.at(path.field("terminationGracePeriodSeconds")),
                        seconds == null ? "null" : Long.toString(seconds), "must not be set for readinessProbes",
                        "A failing readiness probe never kills the container: remove it.");
            }
        }
    }

    private static void validateProbe(YMap probe, YamlPath path, FieldErrors errors) {
        validateHandler(probe, PROBE_HANDLERS, null, path, INVALID_PROBE, errors);
        for (String counter : PROBE_COUNTERS) {
            Long value = Defaults.probeField(probe, counter);
            if (value != null && value < 0) {
                errors.invalid(INVALID_PROBE, Where.at(path.field(counter)), Long.toString(value),
                        "must be greater than or equal to 0", "Use 0 or more (0 takes the default).");
            }
        }
        Long gracePeriod = Fields.isSet(probe, "terminationGracePeriodSeconds")
                ? Fields.integer(probe, "terminationGracePeriodSeconds", 0) : null;
        if (gracePeriod != null && gracePeriod <= 0) {
            errors.invalid(INVALID_PROBE, Where.at(path.field("terminationGracePeriodSeconds")),
                    Long.toString(gracePeriod), "must be greater than 0", "Use a positive number of seconds.");
        }
    }

    static void validateLifecycle(YMap lifecycle, Long gracePeriod, YamlPath path, FieldErrors errors) {
        if (lifecycle == null) {
            return;
        }
        for (String hook : List.of("postStart", "preStop")) {
            YMap handler = Fields.map(lifecycle, hook);
            if (handler != null) {
                validateHandler(handler, LIFECYCLE_HANDLERS, gracePeriod, path.field(hook), INVALID_LIFECYCLE, errors);
            }
        }
    }

    /** validateHandler: exactly one handler type; the first one set is validated, later ones are forbidden. */
    private static void validateHandler(YMap handler, List<String> kinds, Long gracePeriod, YamlPath path,
                                        String code, FieldErrors errors) {
        int handlers = 0;
        for (String kind : kinds) {
            if (!Fields.isSet(handler, kind)) {
                continue;
            }
            if (handlers++ > 0) {
                errors.forbidden(code, Where.at(path.field(kind)).onKey(), "may not specify more than 1 handler type",
                        "Keep one of " + String.join(", ", kinds) + ".");
                continue;
            }
            YMap action = Fields.map(handler, kind);
            YamlPath actionPath = path.field(kind);
            switch (kind) {
                case "exec" -> {
                    if (Fields.items(action, "command").isEmpty()) {
                        errors.required(code, Where.at(actionPath.field("command")), "",
                                "Give the command to run, e.g. [\"cat\", \"/tmp/healthy\"].");
                    }
                }
                case "httpGet" -> validateHttpGetAction(action, actionPath, code, errors);
                case "tcpSocket" -> validatePortNumOrName(Fields.node(action, "port"), actionPath.field("port"), code,
                        errors);
                case "grpc" -> {
                    Long port = Fields.integer(action, "port", 0);
                    if (port != null) {
                        for (String message : ValidationSyntax.portNumber(port)) {
                            errors.invalid(code, Where.at(actionPath.field("port")), Long.toString(port), message,
                                    "Give the gRPC health port (1-65535).");
                        }
                    }
                }
                case "sleep" -> {
                    Long seconds = Fields.integer(action, "seconds", 0);
                    boolean zeroAllowed = errors.gates().enabled(FeatureGate.POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO);
                    if (seconds != null && gracePeriod != null && zeroAllowed && (seconds < 0 || seconds > gracePeriod)) {
                        errors.invalid(code, Where.at(actionPath), Long.toString(seconds), "must be non-negative and"
                                + " less than terminationGracePeriodSeconds (" + gracePeriod + ")",
                                "Sleep less than the pod's terminationGracePeriodSeconds.");
                    } else if (seconds != null && gracePeriod != null && !zeroAllowed
                            && (seconds <= 0 || seconds > gracePeriod)) {
                        // validateSleepAction before PodLifecycleSleepActionAllowZero is on by default (1.33).
                        errors.invalid(code, Where.at(actionPath), Long.toString(seconds), "must be greater than 0 and"
                                + " less than terminationGracePeriodSeconds (" + gracePeriod + ")"
                                + (errors.gates().minor() == 32 ? ". Enable AllowPodLifecycleSleepActionZeroValue feature"
                                + " gate for zero sleep." : ""), "Sleep at least one second, or target Kubernetes 1.33"
                                + " or later.");
                    }
                }
                default -> {
                }
            }
        }
        if (handlers == 0) {
            errors.required(code, Where.at(path).onKey(), "must specify a handler type", "Add one of "
                    + String.join(", ", kinds) + ".");
        }
    }

    private static void validateHttpGetAction(YMap action, YamlPath path, String code, FieldErrors errors) {
        if (action == null) {
            return;
        }
        validatePortNumOrName(Fields.node(action, "port"), path.field("port"), code, errors);
        String scheme = Defaults.httpScheme(action);
        if (scheme != null && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
            errors.notSupported(code, Where.at(path.field("scheme")), GoFormat.quote(scheme), List.of("HTTP", "HTTPS"),
                    "Schemes are upper-case.");
        }
        List<YNode> headers = Fields.items(action, "httpHeaders");
        for (int k = 0; k < headers.size(); k++) {
            String name = Fields.string(Fields.map(headers.get(k)), "name");
            if (name != null) {
                for (String message : ValidationSyntax.httpHeaderName(name)) {
                    errors.invalidString(code, Where.printedAs(path.field("httpHeaders").toString(),
                            path.field("httpHeaders").index(k).field("name")), name, message,
                            "Header names are letters, digits and '-'.");
                }
            }
        }
    }

    /** ValidatePortNumOrName: a number is a port in range, a string an IANA service name (a missing port is 0). */
    static void validatePortNumOrName(YNode port, YamlPath path, String code, FieldErrors errors) {
        if (port == null) {
            errors.invalid(code, Where.at(path), "0", ValidationSyntax.portNumber(0).get(0),
                    "Give the port number or the name of a declared container port.");
        } else if (port instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING) {
            for (String message : ValidationSyntax.portName(scalar.value())) {
                errors.invalidString(code, Where.at(path), scalar.value(), message, "A string names a container"
                        + " port; write a number without quotes for a port number.");
            }
        } else if (port instanceof YScalar scalar && Fields.integerValue(scalar) != null) {
            long number = Fields.integerValue(scalar);
            for (String message : ValidationSyntax.portNumber(number)) {
                errors.invalid(code, Where.at(path), Long.toString(number), message, "Ports are 1-65535.");
            }
        }
    }
}
