package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_ENV;
import static dev.dsls.validation.ValidationCodes.MISSING_VOLUME;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** ValidateEnv, ValidateEnvFrom and the downward API selectors they share with downwardAPI volumes. */
final class EnvValidation {
    static final Set<String> ENV_FIELDS = Set.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
            "status.podIPs");
    /** What ConvertDownwardAPIFieldLabel understands at all; other paths are "not supported" by conversion. */
    private static final Set<String> CONVERTIBLE_FIELDS = Set.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
            "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs");
    private static final Set<String> RESOURCE_FIELDS = Set.of("limits.cpu", "limits.ephemeral-storage",
            "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");
    private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
    private static final Set<String> BYTE_DIVISORS = Set.of("1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki",
            "1Mi", "1Gi", "1Ti", "1Pi", "1Ei");

    private EnvValidation() {
    }

    static void validateEnv(List<YNode> env, YamlPath path, FieldErrors errors) {
        for (int i = 0; i < env.size(); i++) {
            YMap variable = Fields.map(env.get(i));
            if (variable == null) {
                continue;
            }
            YamlPath itemPath = path.index(i);
            String name = Fields.string(variable, "name");
            // ValidateEnv: an empty name is only Required; the name rule runs in the else branch.
            if (name != null && name.isEmpty()) {
                errors.required(INVALID_ENV, Where.at(itemPath.field("name")), "", "Name the variable.");
            } else if (name != null) {
                for (String message : ValidationSyntax.envVarName(name, errors.gates())) {
                    errors.invalidString(INVALID_ENV, Where.at(itemPath.field("name")), name, message,
                            envNameFix(errors, "Variable names"));
                }
            }
            validateEnvVarValueFrom(variable, itemPath.field("valueFrom"), errors);
        }
    }

    /** validateEnvVarValueFrom: exactly one source, and no literal value beside it. */
    private static void validateEnvVarValueFrom(YMap variable, YamlPath path, FieldErrors errors) {
        YMap valueFrom = Fields.map(variable, "valueFrom");
        if (valueFrom == null) {
            return;
        }
        int sources = 0;
        if (Fields.isSet(valueFrom, "fieldRef")) {
            sources++;
            YMap fieldRef = Fields.map(valueFrom, "fieldRef");
            if (fieldRef != null) {
                validateObjectFieldSelector(fieldRef, ENV_FIELDS, path.field("fieldRef"), path.field("fieldRef"),
                        INVALID_ENV, errors);
            }
        }
        if (Fields.isSet(valueFrom, "resourceFieldRef")) {
            sources++;
            YMap resourceFieldRef = Fields.map(valueFrom, "resourceFieldRef");
            if (resourceFieldRef != null) {
                validateResourceFieldSelector(resourceFieldRef, path.field("resourceFieldRef"),
                        path.field("resourceFieldRef"), false, INVALID_ENV, errors);
            }
        }
        for (String keyRef : List.of("configMapKeyRef", "secretKeyRef")) {
            if (Fields.isSet(valueFrom, keyRef)) {
                sources++;
                validateKeySelector(Fields.map(valueFrom, keyRef), path.field(keyRef), errors);
            }
        }
        // EnvFiles (beta, on by default since 1.35): a key of an env file an init container wrote.
        if (Fields.isSet(valueFrom, "fileKeyRef")) {
            sources++;
            validateFileKeySelector(Fields.map(valueFrom, "fileKeyRef"), path.field("fileKeyRef"), errors);
        }
        String value = Fields.string(variable, "value");
        String fix = "Keep exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef and fileKeyRef.";
        if (sources == 0) {
            errors.invalidString(INVALID_ENV, Where.at(path).onKey(), "", "must specify one of: `fieldRef`,"
                    + " `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`", fix);
        } else if (value == null || !value.isEmpty()) {
            if (value != null) {
                errors.invalidString(INVALID_ENV, Where.at(path).onKey(), "", "may not be specified when `value` is"
                        + " not empty", "Remove either value or valueFrom.");
            }
        } else if (sources > 1) {
            errors.invalidString(INVALID_ENV, Where.at(path).onKey(), "", "may not have more than one field"
                    + " specified at a time", fix);
        }
    }

    /** validateConfigMapKeySelector / validateSecretKeySelector: a DNS-subdomain name and a config key. */
    private static void validateKeySelector(YMap selector, YamlPath path, FieldErrors errors) {
        if (selector == null) {
            return;
        }
        String name = Fields.string(selector, "name");
        if (name != null) {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(name, false)) {
                errors.invalidString(INVALID_ENV, Where.at(path.field("name")), name, message,
                        "Name the object to read the key from.");
            }
        }
        String key = Fields.string(selector, "key");
        if (key != null && key.isEmpty()) {
            errors.required(INVALID_ENV, Where.at(path.field("key")), "", "Name the key to read.");
        } else if (key != null) {
            for (String message : ValidationSyntax.configMapKey(key)) {
                errors.invalidString(INVALID_ENV, Where.at(path.field("key")), key, message,
                        "Keys are letters, digits, '-', '_' and '.'.");
            }
        }
    }

    /**
     * validateFileKeySelector: the key is an env var name, the volume a DNS label, and the path
     * free of '..' (each Required when empty).
     */
    private static void validateFileKeySelector(YMap selector, YamlPath path, FieldErrors errors) {
        if (selector == null) {
            return;
        }
        String key = Fields.string(selector, "key");
        if (key != null && key.isEmpty()) {
            errors.required(INVALID_ENV, Where.at(path.field("key")), "", "Name the key to read from the env file.");
        } else if (key != null) {
            for (String message : ValidationSyntax.envVarName(key, errors.gates())) {
                errors.invalidString(INVALID_ENV, Where.at(path.field("key")), key, message,
                        envNameFix(errors, "Keys"));
            }
        }
        String volumeName = Fields.string(selector, "volumeName");
        if (volumeName != null && volumeName.isEmpty()) {
            errors.required(INVALID_ENV, Where.at(path.field("volumeName")), "",
                    "Name the emptyDir volume that holds the env file.");
        } else if (volumeName != null) {
            for (String message : ValidationSyntax.dns1123Label(volumeName)) {
                errors.invalidString(INVALID_ENV, Where.at(path.field("volumeName")), volumeName, message,
                        "Volume names are lower-case letters, digits and '-'.");
            }
        }
        String filePath = Fields.string(selector, "path");
        if (filePath != null && filePath.isEmpty()) {
            errors.required(INVALID_ENV, Where.at(path.field("path")), "", "Give the env file's path in the volume.");
        } else if (filePath != null) {
            VolumeValidation.validatePathNoBacksteps(filePath, Where.at(path.field("path")), INVALID_ENV, errors);
        }
    }

    /**
     * ValidateEnvFrom: a prefix that is a valid name start, and exactly one of configMapRef or
     * secretRef. The object names are checked in prefix mode (ValidateConfigMapName(name, true)), so a
     * trailing '-' is accepted.
     */
    static void validateEnvFrom(List<YNode> envFrom, YamlPath path, FieldErrors errors) {
        for (int i = 0; i < envFrom.size(); i++) {
            YMap source = Fields.map(envFrom.get(i));
            if (source == null) {
                continue;
            }
            YamlPath itemPath = path.index(i);
            String prefix = Fields.string(source, "prefix");
            if (prefix != null && !prefix.isEmpty()) {
                for (String message : ValidationSyntax.envVarName(prefix, errors.gates())) {
                    errors.invalidString(INVALID_ENV, Where.at(itemPath.field("prefix")), prefix, message,
                            envNameFix(errors, "Prefixes"));
                }
            }
            int sources = 0;
            for (String ref : List.of("configMapRef", "secretRef")) {
                if (!Fields.isSet(source, ref)) {
                    continue;
                }
                sources++;
                String name = Fields.string(Fields.map(source, ref), "name");
                if (name != null && name.isEmpty()) {
                    errors.required(INVALID_ENV, Where.at(itemPath.field(ref).field("name")), "",
                            "Name the object to import.");
                } else if (name != null) {
                    for (String message : ValidationSyntax.nameIsDnsSubdomain(name, true)) {
                        errors.invalidString(INVALID_ENV, Where.at(itemPath.field(ref).field("name")), name, message,
                                "Name the object to import.");
                    }
                }
            }
            if (sources == 0) {
                errors.invalidString(INVALID_ENV, Where.printedAs(path.toString(), itemPath), "",
                        "must specify one of: `configMapRef` or `secretRef`", "Add configMapRef or secretRef.");
            } else if (sources > 1) {
                errors.invalidString(INVALID_ENV, Where.printedAs(path.toString(), itemPath), "",
                        "may not have more than one field specified at a time", "Use one list item per source.");
            }
        }
    }

    /**
     * validateFileKeyRefVolumes: an env var read from a file names a volume of the pod, and that
     * volume is an emptyDir (a volume without any source is defaulted to one). Every volume counts
     * here, even one that failed its own validation.
     */
    static void validateFileKeyRefVolumes(YMap podSpec, FieldErrors errors) {
        Map<String, YMap> volumes = new HashMap<>();
        for (YNode item : Fields.items(podSpec, "volumes")) {
            YMap volume = Fields.map(item);
            String name = Fields.string(volume, "name");
            if (volume != null && name != null) {
                volumes.put(name, volume);
            }
        }
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> containers = Fields.items(podSpec, list);
            for (int i = 0; i < containers.size(); i++) {
                List<YNode> env = Fields.items(Fields.map(containers.get(i)), "env");
                for (int j = 0; j < env.size(); j++) {
                    YMap fileKeyRef = Fields.map(Fields.map(Fields.map(env.get(j)), "valueFrom"), "fileKeyRef");
                    if (fileKeyRef == null) {
                        continue;
                    }
                    String volumeName = Fields.string(fileKeyRef, "volumeName");
                    if (volumeName == null) {
                        continue;
                    }
                    Where where = Where.at(POD_SPEC.field(list).index(i).field("env").index(j).field("valueFrom")
                            .field("fileKeyRef").field("volumeName"));
                    YMap volume = volumes.get(volumeName);
                    if (volume == null) {
                        errors.notFound(MISSING_VOLUME, where, GoFormat.quote(volumeName), "Add an emptyDir volume named "
                                + GoFormat.quote(volumeName) + " that an init container writes the env file to.");
                    } else if (!VolumeValidation.isEmptyDir(volume)) {
                        errors.invalidString(INVALID_ENV, where, volumeName, "referenced volume must be of type emptyDir",
                                "Env files are read from an emptyDir volume.");
                    }
                }
            }
        }
    }

    /**
     * validateObjectFieldSelector: the path must convert (ConvertDownwardAPIFieldLabel) and be one
     * of the allowed fields; subscripted labels and annotations are checked as qualified names, at
     * the selector's own path.
     */
    static void validateObjectFieldSelector(YMap selector, Set<String> allowed, YamlPath printedPath,
                                            YamlPath nodePath, String code, FieldErrors errors) {
        String apiVersion = Defaults.fieldRefApiVersion(selector);
        String fieldPath = Fields.string(selector, "fieldPath");
        if (apiVersion == null || fieldPath == null) {
            return;
        }
        Where fieldPathWhere = Where.printedAs(printedPath.field("fieldPath").toString(), nodePath.field("fieldPath"));
        if (fieldPath.isEmpty()) {
            errors.required(code, fieldPathWhere, "", "Give the pod field, e.g. spec.nodeName.");
            return;
        }
        String[] subscripted = splitMaybeSubscriptedPath(fieldPath);
        String conversionError = null;
        if (!apiVersion.equals("v1")) {
            conversionError = "unsupported pod version: " + apiVersion;
        } else if (subscripted != null && !subscripted[0].equals("metadata.annotations")
                && !subscripted[0].equals("metadata.labels")) {
            conversionError = "field label does not support subscript: " + fieldPath;
        } else if (subscripted == null && !CONVERTIBLE_FIELDS.contains(fieldPath) && !fieldPath.equals("spec.host")) {
            conversionError = "field label not supported: " + fieldPath;
        }
        if (conversionError != null) {
            errors.invalidString(code, fieldPathWhere, fieldPath, "error converting fieldPath: " + conversionError,
                    "Supported fields: " + String.join(", ", new TreeSet<>(allowed)) + ".");
            return;
        }
        if (subscripted != null) {
            String key = subscripted[0].equals("metadata.annotations")
                    ? subscripted[1].toLowerCase(java.util.Locale.ROOT) : subscripted[1];
            for (String message : ValidationSyntax.qualifiedName(key)) {
                errors.invalidString(code, Where.printedAs(printedPath.toString(), nodePath.field("fieldPath")), key,
                        message, "Write it as metadata.labels['app.kubernetes.io/name'].");
            }
            return;
        }
        String internalPath = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
        if (!allowed.contains(internalPath)) {
            errors.notSupported(code, fieldPathWhere, GoFormat.quote(internalPath), List.copyOf(new TreeSet<>(allowed)),
                    "This field cannot be projected here.");
        }
    }

    /** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['k']" into {path, key}, else null. */
    private static String[] splitMaybeSubscriptedPath(String fieldPath) {
        if (!fieldPath.endsWith("']")) {
            return null;
        }
        String inner = fieldPath.substring(0, fieldPath.length() - 2);
        int open = inner.indexOf("['");
        if (open <= 0) {
            return null;
        }
        return new String[] {inner.substring(0, open), inner.substring(open + 2)};
    }

    /** validateContainerResourceFieldSelector: a known resource, and a divisor that fits it. */
    static void validateResourceFieldSelector(YMap selector, YamlPath printedPath, YamlPath nodePath, boolean volume,
                                              String code, FieldErrors errors) {
        String containerName = Fields.string(selector, "containerName");
        String resource = Fields.string(selector, "resource");
        if (containerName == null || resource == null) {
            return;
        }
        if (volume && containerName.isEmpty()) {
            errors.required(code, Where.printedAs(printedPath.field("containerName").toString(),
                    nodePath.field("containerName")), "", "Name the container whose resources to expose.");
        } else if (resource.isEmpty()) {
            errors.required(code, Where.printedAs(printedPath.field("resource").toString(), nodePath.field("resource")),
                    "", "Name the resource, e.g. limits.memory.");
        } else if (!RESOURCE_FIELDS.contains(resource) && !resource.startsWith("requests.hugepages-")
                && !resource.startsWith("limits.hugepages-")) {
            errors.notSupported(code, Where.printedAs(printedPath.field("resource").toString(),
                    nodePath.field("resource")), GoFormat.quote(resource), List.copyOf(new TreeSet<>(RESOURCE_FIELDS)),
                    "Use limits.* or requests.* of cpu, memory or ephemeral-storage.");
        }
        String divisor = Fields.string(selector, "divisor");
        if (divisor == null || divisor.isEmpty() || dev.dsls.schema.Quantity.isValid(divisor)
                && dev.dsls.schema.Quantity.parse(divisor).isZero()) {
            return;
        }
        String message = null;
        if (resource.endsWith(".cpu") && !CPU_DIVISORS.contains(divisor)) {
            message = "only divisor's values 1m and 1 are supported with the cpu resource";
        } else if (resource.endsWith(".memory") && !BYTE_DIVISORS.contains(divisor)) {
            message = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported"
                    + " with the memory resource";
        } else if (resource.endsWith(".ephemeral-storage") && !BYTE_DIVISORS.contains(divisor)) {
            message = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported"
                    + " with the local ephemeral storage resource";
        }
        if (message != null) {
            errors.invalidString(code, Where.printedAs(printedPath.field("divisor").toString(),
                    nodePath.field("divisor")), resource, message, "Use one of the listed divisors.");
        }
        // validateContainerResourceDivisor checks huge pages separately, after the switch.
        if ((resource.startsWith("requests.hugepages-") || resource.startsWith("limits.hugepages-"))
                && !BYTE_DIVISORS.contains(divisor)) {
            errors.invalidString(code, Where.printedAs(printedPath.field("divisor").toString(),
                    nodePath.field("divisor")), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi,"
                    + " 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource", "Use one of the listed divisors.");
        }
    }

    /** How to fix a name, as the target version's rule has it. */
    private static String envNameFix(FieldErrors errors, String what) {
        return errors.gates().enabled(FeatureGate.RELAXED_ENVIRONMENT_VARIABLE_VALIDATION)
                ? what + " are printable ASCII without '='."
                : what + " are letters, digits, '_', '-' and '.', not starting with a digit, before Kubernetes 1.32"
                + " (RelaxedEnvironmentVariableValidation); rename it or target 1.32 or later.";
    }
}
