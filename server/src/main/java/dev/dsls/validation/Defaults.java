package dev.dsls.validation;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;

/**
 * The values the API server validates after defaulting (apps/v1 SetDefaults_DaemonSet and core/v1
 * SetDefaults_*), read without touching the YAML model: a field the user left out reads as its
 * default, so a default never causes an error the API server would not report (and a wrong default
 * never hides one: {@code rollingUpdate: {maxSurge: 1}} is invalid because maxUnavailable becomes 1).
 */
final class Defaults {
    static final String ROLLING_UPDATE = "RollingUpdate";
    static final String ON_DELETE = "OnDelete";

    private Defaults() {
    }

    /** An intstr.IntOrString as decoded: a number, or a string. */
    record IntOrString(boolean isInt, long intValue, String stringValue) {
        static IntOrString of(long value) {
            return new IntOrString(true, value, null);
        }

        static IntOrString of(String value) {
            return new IntOrString(false, 0, value);
        }

        /** How the API server prints it in an error: IntOrString is a fmt.Stringer, so unquoted. */
        String print() {
            return isInt ? Long.toString(intValue) : stringValue;
        }

        /** The value upstream's getIntOrPercentValue sees: N for "N%", else strconv.Atoi of the string (0 on failure). */
        long intOrPercentValue() {
            if (isInt) {
                return intValue;
            }
            String text = stringValue.endsWith("%") && ValidationSyntax.percent(stringValue).isEmpty()
                    ? stringValue.substring(0, stringValue.length() - 1) : stringValue;
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** updateStrategy.type, defaulted to RollingUpdate; null when not a string. */
    static String updateStrategyType(YMap updateStrategy) {
        String type = Fields.string(updateStrategy, "type");
        return type != null && type.isEmpty() ? ROLLING_UPDATE : type;
    }

    /** rollingUpdate.maxUnavailable, defaulted to 1; null when undecodable. */
    static IntOrString maxUnavailable(YMap rollingUpdate) {
        return intOrString(Fields.node(rollingUpdate, "maxUnavailable"), 1);
    }

    /** rollingUpdate.maxSurge, defaulted to 0; null when undecodable. */
    static IntOrString maxSurge(YMap rollingUpdate) {
        return intOrString(Fields.node(rollingUpdate, "maxSurge"), 0);
    }

    private static IntOrString intOrString(YNode node, long whenAbsent) {
        if (node == null) {
            return IntOrString.of(whenAbsent);
        }
        if (node instanceof YScalar scalar) {
            if (scalar.kind() == ScalarKind.STRING) {
                return IntOrString.of(scalar.value());
            }
            Long number = Fields.integerValue(scalar);
            return number == null ? null : IntOrString.of(number);
        }
        return null;
    }

    /** The pod's restartPolicy, defaulted to Always; null when not a string. */
    static String restartPolicy(YMap podSpec) {
        return orDefault(Fields.string(podSpec, "restartPolicy"), "Always");
    }

    static String dnsPolicy(YMap podSpec) {
        return orDefault(Fields.string(podSpec, "dnsPolicy"), "ClusterFirst");
    }

    /** terminationGracePeriodSeconds, defaulted to 30; null when undecodable. */
    static Long terminationGracePeriodSeconds(YMap podSpec) {
        return Fields.integer(podSpec, "terminationGracePeriodSeconds", 30);
    }

    /** imagePullPolicy: Always for :latest or an image with neither tag nor digest, else IfNotPresent. */
    static String imagePullPolicy(YMap container) {
        String policy = Fields.string(container, "imagePullPolicy");
        if (policy == null || !policy.isEmpty()) {
            return policy;
        }
        String image = Fields.string(container, "image");
        String tag = image == null ? null : ImageReference.tag(image);
        return "latest".equals(tag) ? "Always" : "IfNotPresent";
    }

    static String terminationMessagePolicy(YMap container) {
        return orDefault(Fields.string(container, "terminationMessagePolicy"), "File");
    }

    static String protocol(YMap port) {
        return orDefault(Fields.string(port, "protocol"), "TCP");
    }

    static String httpScheme(YMap httpGet) {
        return orDefault(Fields.string(httpGet, "scheme"), "HTTP");
    }

    static String fieldRefApiVersion(YMap fieldRef) {
        return orDefault(Fields.string(fieldRef, "apiVersion"), "v1");
    }

    /** A probe threshold or period: 0 (or absent) is defaulted, a negative value is kept and rejected. */
    static Long probeField(YMap probe, String field) {
        long whenZero = switch (field) {
            case "timeoutSeconds", "successThreshold" -> 1;
            case "periodSeconds" -> 10;
            case "failureThreshold" -> 3;
            default -> 0;
        };
        Long value = Fields.integer(probe, field, 0);
        return value != null && value == 0 ? whenZero : value;
    }

    private static String orDefault(String value, String whenEmpty) {
        return value != null && value.isEmpty() ? whenEmpty : value;
    }

    /** Image reference parts, as the kubelet's parsers.ParseImageName reads them. */
    static final class ImageReference {
        private ImageReference() {
        }

        /** The tag; "latest" when there is neither tag nor digest; null for a digest-only reference. */
        static String tag(String image) {
            String name = image;
            int at = name.indexOf('@');
            boolean hasDigest = at >= 0;
            if (hasDigest) {
                name = name.substring(0, at);
            }
            int slash = name.lastIndexOf('/');
            int colon = name.lastIndexOf(':');
            if (colon > slash) {
                return name.substring(colon + 1);
            }
            return hasDigest ? null : "latest";
        }

        static boolean hasExplicitTag(String image) {
            String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            return name.lastIndexOf(':') > name.lastIndexOf('/');
        }
    }
}
