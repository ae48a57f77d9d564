package dev.dsls.validation;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax rules of apimachinery's util/validation and api/validate/content packages, one method
 * per upstream helper. Each returns the helper's messages (empty when the value is valid); a value
 * can break several rules at once, and the API server reports every message.
 */
final class ValidationSyntax {
    static final int DNS1123_LABEL_MAX_LENGTH = 63;
    static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    static final int LABEL_VALUE_MAX_LENGTH = 63;
    /** Kubernetes accepts UIDs and GIDs up to uint32 max (util/validation maxUserID, maxGroupID). */
    static final long MAX_USER_ID = 0xffffffffL;

    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final String DNS1123_LABEL_WITH_UNDERSCORE_FMT = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT = DNS1123_LABEL_WITH_UNDERSCORE_FMT + "(\\."
            + DNS1123_LABEL_WITH_UNDERSCORE_FMT + ")*";
    private static final Pattern DNS1123_SUBDOMAIN_WITH_UNDERSCORE = Pattern.compile(DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT);
    private static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";
    private static final Pattern LABEL_KEY = Pattern.compile(LABEL_KEY_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final String LABEL_KEY_ERROR = "must consist of alphanumeric characters, '-', '_' or '.', and"
            + " must start and end with an alphanumeric character";
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);
    private static final String PERCENT_FMT = "[0-9]+%";
    private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
    private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);
    private static final String HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile(HTTP_HEADER_NAME_FMT);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private ValidationSyntax() {
    }

    /** IsDNS1123Label: container, port-less volume and hostname names. */
    static List<String> dns1123Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > DNS1123_LABEL_MAX_LENGTH) {
            errors.add(maxLength(DNS1123_LABEL_MAX_LENGTH, "characters"));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            errors.add(DNS1123_SUBDOMAIN.matcher(value).matches() ? "must not contain dots"
                    : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                            + " '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT,
                            "my-name", "123-abc"));
        }
        return errors;
    }

    /** IsDNS1123Subdomain: object names, service accounts, priority classes, node names. */
    static List<String> dns1123Subdomain(String value) {
        return dns1123Subdomain(value, "characters");
    }

    private static List<String> dns1123Subdomain(String value, String lengthUnit) {
        return lengthAndPattern(value, DNS1123_SUBDOMAIN_MAX_LENGTH, lengthUnit, DNS1123_SUBDOMAIN,
                regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
                        + " '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT,
                        "example.com"));
    }

    /**
     * IsDNS1123SubdomainWithUnderscore: dnsConfig search paths, which may name SRV-style domains
     * (RelaxedDNSSearchValidation, on by default).
     */
    static List<String> dns1123SubdomainWithUnderscore(String value) {
        return lengthAndPattern(value, DNS1123_SUBDOMAIN_MAX_LENGTH, "characters", DNS1123_SUBDOMAIN_WITH_UNDERSCORE,
                regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-'"
                        + " or '.', and must start and end with an alphanumeric character",
                        DNS1123_SUBDOMAIN_WITH_UNDERSCORE_FMT, "example.com"));
    }

    /**
     * NameIsDNSSubdomain: in prefix mode (generateName, envFrom object names) a trailing '-' is
     * allowed. Quirk kept from upstream's maskTrailingDash: the last two characters are replaced by
     * one "a", and a lone "-" is not masked.
     */
    static List<String> nameIsDnsSubdomain(String name, boolean prefix) {
        return dns1123Subdomain(prefix && name.length() > 1 && name.endsWith("-")
                ? name.substring(0, name.length() - 2) + "a" : name);
    }

    /** IsQualifiedName (content.IsLabelKey): label, annotation, taint and topology keys. */
    static List<String> qualifiedName(String value) {
        List<String> errors = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errors.add("prefix part must be non-empty");
                } else {
                    dns1123Subdomain(prefix, "bytes").forEach(message -> errors.add("prefix part " + message));
                }
            }
            default -> {
                errors.add("a valid label key " + regexError(LABEL_KEY_ERROR, LABEL_KEY_FMT, "MyName", "my.name",
                        "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (name.length() > LABEL_VALUE_MAX_LENGTH) {
            errors.add("name part " + maxLength(LABEL_VALUE_MAX_LENGTH, "bytes"));
        }
        if (!LABEL_KEY.matcher(name).matches()) {
            errors.add("name part " + regexError(LABEL_KEY_ERROR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    /** IsValidLabelValue (content.IsLabelValue). */
    static List<String> labelValue(String value) {
        return lengthAndPattern(value, LABEL_VALUE_MAX_LENGTH, "bytes", LABEL_VALUE,
                regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
                        + " '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, "MyValue",
                        "my_value", "12345"));
    }

    /** IsValidPortName: an IANA_SVC_NAME. */
    static List<String> portName(String port) {
        List<String> errors = new ArrayList<>();
        if (port.length() > 15) {
            errors.add(maxLength(15, "characters"));
        }
        if (!PORT_NAME_CHARSET.matcher(port).matches()) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(port).matches()) {
            errors.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errors.add("must not begin or end with a hyphen");
        }
        return errors;
    }

    /** IsValidPortNum: 1..65535. */
    static List<String> portNumber(long port) {
        return inRange(port, 1, 65535);
    }

    static List<String> userId(long uid) {
        return inRange(uid, 0, MAX_USER_ID);
    }

    static List<String> groupId(long gid) {
        return inRange(gid, 0, MAX_USER_ID);
    }

    static List<String> inRange(long value, long min, long max) {
        return value >= min && value <= max ? List.of() : List.of(inclusiveRangeError(min, max));
    }

    static String inclusiveRangeError(long min, long max) {
        return "must be between " + min + " and " + max + ", inclusive";
    }

    /** IsValidPercent: digits followed by '%'. */
    static List<String> percent(String value) {
        return PERCENT.matcher(value).matches() ? List.of()
                : List.of(regexError("a valid percent string must be a numeric string followed by an ending '%'",
                        PERCENT_FMT, "1%", "93%"));
    }

    private static final String ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final Pattern ENV_VAR_NAME = Pattern.compile(ENV_VAR_NAME_FMT);

    /**
     * The name rule of environment variables, keys of env files and envFrom prefixes: IsRelaxedEnvVarName
     * once RelaxedEnvironmentVariableValidation is on (1.32+), IsEnvVarName before.
     */
    static List<String> envVarName(String value, FeatureGates gates) {
        return gates.enabled(FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION) ? relaxedEnvVarName(value)
                : strictEnvVarName(value);
    }

    /** IsEnvVarName: a C-like identifier that may also hold '-' and '.', and hasChDirPrefix. */
    static List<String> strictEnvVarName(String value) {
        List<String> errors = new ArrayList<>();
        if (!ENV_VAR_NAME.matcher(value).matches()) {
            errors.add(regexError("a valid environment variable name must consist of alphabetic characters, digits,"
                    + " '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME_FMT, "my.env-name",
                    "MY_ENV.NAME", "MyEnvName1"));
        }
        if (value.equals(".")) {
            errors.add("must not be '.'");
        } else if (value.equals("..")) {
            errors.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    /**
     * IsRelaxedEnvVarName: any printable ASCII but '='. Kubernetes 1.34 made this the only rule
     * (RelaxedEnvironmentVariableValidation is GA), so names like "1st" or "my var" are accepted.
     */
    static List<String> relaxedEnvVarName(String value) {
        List<String> errors = new ArrayList<>();
        if (value.isEmpty()) {
            errors.add("environment variable name must be non-empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20 || c == '=') {
                errors.add("a valid environment variable name must consist only of printable ASCII characters"
                        + " other than '='");
                break;
            }
        }
        return errors;
    }

    /** IsConfigMapKey: keys of ConfigMaps and Secrets. */
    static List<String> configMapKey(String value) {
        List<String> errors = lengthAndPattern(value, DNS1123_SUBDOMAIN_MAX_LENGTH, "characters", CONFIG_MAP_KEY,
                regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                        CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        if (value.equals(".")) {
            errors.add("must not be '.'");
        } else if (value.equals("..")) {
            errors.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    static List<String> httpHeaderName(String value) {
        return HTTP_HEADER_NAME.matcher(value).matches() ? List.of()
                : List.of(regexError("a valid HTTP header must consist of alphanumeric characters or '-'",
                        HTTP_HEADER_NAME_FMT, "X-Header-Name"));
    }

    /** True for a literal IPv4 or IPv6 address (no host names, no zones, no CIDR). */
    static boolean isIp(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // Only literal IPv6 text reaches here, so InetAddress does not resolve any name.
            return InetAddress.getByName(value) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The shape shared by most upstream helpers: a length limit, then a regular expression. */
    private static List<String> lengthAndPattern(String value, int maxLength, String unit, Pattern pattern,
                                                 String patternError) {
        List<String> errors = new ArrayList<>();
        if (value.length() > maxLength) {
            errors.add(maxLength(maxLength, unit));
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(patternError);
        }
        return errors;
    }

    private static String maxLength(int length, String unit) {
        return "must be no more than " + length + " " + unit;
    }

    /** util/validation RegexError: the message, examples, and the regex that failed. */
    static String regexError(String message, String regex, String... examples) {
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            out.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(regex).append("')").toString();
    }
}
