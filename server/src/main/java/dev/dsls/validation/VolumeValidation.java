package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_VOLUME_NAME;
import static dev.dsls.validation.ValidationCodes.INVALID_VOLUME_SOURCE;
import static dev.dsls.validation.ValidationCodes.MULTIPLE_VOLUME_SOURCES;

import dev.dsls.schema.Quantity;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YamlPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ValidateVolumes and validateVolumeSource (core validation). */
final class VolumeValidation {
    /** Every volume source, in the order validateVolumeSource looks at them: the first one set wins. */
    static final List<String> SOURCES = List.of("emptyDir", "hostPath", "gitRepo", "gcePersistentDisk",
            "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
            "cinder", "cephfs", "quobyte", "downwardAPI", "fc", "flexVolume", "configMap", "azureFile",
            "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "storageos", "projected",
            "scaleIO", "csi", "ephemeral", "image");
    static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
            "DirectoryOrCreate", "File", "FileOrCreate", "Socket");
    static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
    static final Set<String> DOWNWARD_API_VOLUME_FIELDS = Set.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid");

    private VolumeValidation() {
    }

    /**
     * Validates the volumes and returns those a mount may reference: like upstream, a volume with any
     * error is not registered, so mounts of it are reported NotFound as well.
     */
    static Map<String, YMap> validateVolumes(YMap podSpec, FieldErrors errors) {
        Map<String, YMap> registered = new LinkedHashMap<>();
        List<YNode> volumes = Fields.items(podSpec, "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            YMap volume = Fields.map(volumes.get(i));
            if (volume == null) {
                continue;
            }
            YamlPath path = POD_SPEC.field("volumes").index(i);
            int before = errors.diagnostics().size();
            validateVolumeSource(volume, path, errors);
            String name = Fields.string(volume, "name");
            if (name == null) {
                continue;
            }
            if (name.isEmpty()) {
                errors.required(INVALID_VOLUME_NAME, Where.at(path.field("name")), "",
                        "Name the volume so containers can mount it.");
            } else {
                for (String message : ValidationSyntax.dns1123Label(name)) {
                    errors.invalidString(INVALID_VOLUME_NAME, Where.at(path.field("name")), name, message,
                            "Volume names are lower-case letters, digits and '-' (at most 63).");
                }
            }
            if (registered.containsKey(name)) {
                errors.duplicate(INVALID_VOLUME_NAME, Where.at(path.field("name")), GoFormat.quote(name),
                        "Give each volume its own name.");
            }
            if (errors.diagnostics().size() == before) {
                registered.put(name, volume);
            }
        }
        return registered;
    }

    private static void validateVolumeSource(YMap volume, YamlPath path, FieldErrors errors) {
        boolean first = true;
        for (String source : SOURCES) {
            if (!Fields.isSet(volume, source)) {
                continue;
            }
            if (!first) {
                errors.forbidden(MULTIPLE_VOLUME_SOURCES, Where.at(path.field(source)).onKey(),
                        "may not specify more than 1 volume type", "Split it into two volumes, one per source.");
                continue;
            }
            first = false;
            YMap sourceMap = Fields.map(volume, source);
            if (sourceMap != null) {
                validateSource(source, sourceMap, path.field(source), errors);
            }
        }
        // A volume without a source is defaulted to emptyDir, which is valid.
    }

    private static void validateSource(String source, YMap map, YamlPath path, FieldErrors errors) {
        switch (source) {
            case "emptyDir" -> {
                String sizeLimit = Fields.string(map, "sizeLimit");
                if (sizeLimit != null && !sizeLimit.isEmpty() && Quantity.isValid(sizeLimit)
                        && Quantity.parse(sizeLimit).isNegative()) {
                    errors.forbidden(INVALID_VOLUME_SOURCE, Where.at(path.field("sizeLimit")),
                            "SizeLimit field must be a valid resource quantity", "Use a positive size such as 1Gi.");
                }
            }
            case "hostPath" -> validateHostPath(map, path, errors);
            case "secret" -> {
                requireString(map, "secretName", path, "Name the Secret to mount.", errors);
                validateModesAndItems(map, path, errors);
            }
            case "configMap" -> {
                requireString(map, "name", path, "Name the ConfigMap to mount.", errors);
                validateModesAndItems(map, path, errors);
            }
            case "downwardAPI" -> {
                validateMode(map, "defaultMode", path, errors);
                List<YNode> items = Fields.items(map, "items");
                for (int j = 0; j < items.size(); j++) {
                    validateDownwardApiFile(Fields.map(items.get(j)), path, path.field("items").index(j), errors);
                }
            }
            case "persistentVolumeClaim" -> requireString(map, "claimName", path,
                    "Name the PersistentVolumeClaim (every node's pod would share it).", errors);
            case "nfs" -> {
                requireString(map, "server", path, "Give the NFS server's host name or IP.", errors);
                String nfsPath = Fields.string(map, "path");
                if (nfsPath != null && nfsPath.isEmpty()) {
                    errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), "", "Give the exported path.");
                } else if (nfsPath != null && !nfsPath.startsWith("/")) {
                    errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), nfsPath,
                            "must be an absolute path", "Start the export path with '/'.");
                }
            }
            case "csi" -> {
                String driver = Fields.string(map, "driver");
                if (driver != null && driver.isEmpty()) {
                    errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("driver")), "",
                            "Name the CSI driver, e.g. secrets-store.csi.k8s.io.");
                }
            }
            case "projected" -> validateProjected(map, path, errors);
            default -> {
                // Cloud-disk and legacy plugins: their own field checks are beyond what node agents use.
            }
        }
    }

    /**
     * validateHostPathVolumeSource: path required and free of '..'; type one of the known kinds
     * (an empty type means "no check").
     */
    private static void validateHostPath(YMap hostPath, YamlPath path, FieldErrors errors) {
        String hostDirectory = Fields.string(hostPath, "path");
        if (hostDirectory == null) {
            return;
        }
        if (hostDirectory.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), "",
                    "Give the node directory or file to mount, e.g. /var/log.");
            return;
        }
        validatePathNoBacksteps(hostDirectory, Where.at(path.field("path")), INVALID_VOLUME_SOURCE, errors);
        String type = Fields.string(hostPath, "type");
        if (type != null && Fields.isSet(hostPath, "type") && !HOST_PATH_TYPES.contains(type)) {
            String suggestion = dev.dsls.diagnostics.Suggestions.closest(type, HOST_PATH_TYPES);
            errors.notSupported(INVALID_VOLUME_SOURCE, Where.at(path.field("type")), GoFormat.quote(type),
                    HOST_PATH_TYPES, suggestion != null ? "Did you mean " + suggestion + "?"
                            : "Types are case-sensitive; leave it empty to skip the check.");
        }
    }

    /** validatePathNoBacksteps: no ".." element, so the path cannot climb out of its base. */
    static void validatePathNoBacksteps(String value, Where where, String code, FieldErrors errors) {
        for (String part : value.replace('\\', '/').split("/", -1)) {
            if (part.equals("..")) {
                errors.invalidString(code, where, value, "must not contain '..'", "Write the path without '..'.");
                return;
            }
        }
    }

    /** ValidateLocalNonReservedPath: relative, without '..' elements, not starting with "..". */
    static void validateLocalNonReservedPath(String value, Where where, String code, FieldErrors errors) {
        validateLocalDescendingPath(value, where, code, errors);
        if (value.startsWith("..") && !value.startsWith("../")) {
            errors.invalidString(code, where, value, "must not start with '..'", "Rename the file.");
        }
    }

    /** validateLocalDescendingPath: a relative path that stays below its base. */
    static void validateLocalDescendingPath(String value, Where where, String code, FieldErrors errors) {
        if (value.startsWith("/")) {
            errors.invalidString(code, where, value, "must be a relative path", "Remove the leading '/'.");
        }
        validatePathNoBacksteps(value, where, code, errors);
    }

    private static void requireString(YMap map, String field, YamlPath path, String fix, FieldErrors errors) {
        String value = Fields.string(map, field);
        if (value != null && value.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field(field)), "", fix);
        }
    }

    private static void validateModesAndItems(YMap source, YamlPath path, FieldErrors errors) {
        validateMode(source, "defaultMode", path, errors);
        List<YNode> items = Fields.items(source, "items");
        for (int j = 0; j < items.size(); j++) {
            validateKeyToPath(Fields.map(items.get(j)), path.field("items").index(j), errors);
        }
    }

    /** validateKeyToPath: key and relative path required; mode a file mode. */
    static void validateKeyToPath(YMap item, YamlPath path, FieldErrors errors) {
        if (item == null) {
            return;
        }
        String key = Fields.string(item, "key");
        if (key != null && key.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("key")), "", "Name the key to project.");
        }
        String itemPath = Fields.string(item, "path");
        if (itemPath != null) {
            if (itemPath.isEmpty()) {
                errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), "",
                        "Give the file name to write the key to.");
            }
            validateLocalNonReservedPath(itemPath, Where.at(path.field("path")), INVALID_VOLUME_SOURCE, errors);
        }
        validateMode(item, "mode", path, errors);
    }

    static void validateMode(YMap map, String field, YamlPath path, FieldErrors errors) {
        validateMode(map, field, Where.at(path.field(field)), errors);
    }

    /** File modes are 0-0777; a mode written without the leading 0 is read as a decimal number. */
    static void validateMode(YMap map, String field, Where where, FieldErrors errors) {
        Long mode = Fields.integer(map, field, 0);
        if (mode != null && (mode < 0 || mode > 0777)) {
            errors.invalid(INVALID_VOLUME_SOURCE, where, Long.toString(mode), FILE_MODE_ERROR,
                    "Write the mode in octal with a leading 0 (0644); YAML reads 644 as decimal.");
        }
    }

    /**
     * validateDownwardAPIVolumeFile. Quirk: upstream passes the volume's path, not the item's, so the
     * errors read {@code volumes[i].downwardAPI.path}; dsls marks the item.
     */
    private static void validateDownwardApiFile(YMap file, YamlPath printedBase, YamlPath itemPath,
                                                FieldErrors errors) {
        if (file == null) {
            return;
        }
        String filePath = Fields.string(file, "path");
        if (filePath != null) {
            Where where = Where.printedAs(printedBase.field("path").toString(), itemPath.field("path"));
            if (filePath.isEmpty()) {
                errors.required(INVALID_VOLUME_SOURCE, where, "", "Give the file name to write the field to.");
            }
            validateLocalNonReservedPath(filePath, where, INVALID_VOLUME_SOURCE, errors);
        }
        YMap fieldRef = Fields.map(file, "fieldRef");
        YMap resourceFieldRef = Fields.map(file, "resourceFieldRef");
        if (fieldRef != null) {
            EnvValidation.validateObjectFieldSelector(fieldRef, DOWNWARD_API_VOLUME_FIELDS,
                    printedBase.field("fieldRef"), itemPath.field("fieldRef"), INVALID_VOLUME_SOURCE, errors);
            if (resourceFieldRef != null) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.printedAs(printedBase.toString(), itemPath),
                        "resource", "fieldRef and resourceFieldRef can not be specified simultaneously",
                        "Keep one of them per item.");
            }
        } else if (resourceFieldRef != null) {
            EnvValidation.validateResourceFieldSelector(resourceFieldRef, printedBase.field("resourceFieldRef"),
                    itemPath.field("resourceFieldRef"), true, INVALID_VOLUME_SOURCE, errors);
        } else if (!Fields.isSet(file, "fieldRef") && !Fields.isSet(file, "resourceFieldRef")) {
            errors.required(INVALID_VOLUME_SOURCE, Where.printedAs(printedBase.toString(), itemPath),
                    "one of fieldRef and resourceFieldRef is required", "Add fieldRef.fieldPath such as"
                            + " metadata.labels.");
        }
        validateMode(file, "mode", Where.printedAs(printedBase.field("mode").toString(), itemPath.field("mode")),
                errors);
    }

    /** validateProjectedVolumeSource: one kind per source, with the checks of that kind. */
    private static void validateProjected(YMap projected, YamlPath path, FieldErrors errors) {
        validateMode(projected, "defaultMode", path, errors);
        List<YNode> sources = Fields.items(projected, "sources");
        for (int j = 0; j < sources.size(); j++) {
            YMap source = Fields.map(sources.get(j));
            YamlPath sourcePath = path.field("sources").index(j);
            int kinds = 0;
            for (String kind : List.of("secret", "downwardAPI", "configMap", "serviceAccountToken",
                    "clusterTrustBundle", "podCertificate")) {
                if (!Fields.isSet(source, kind)) {
                    continue;
                }
                if (++kinds > 1) {
                    errors.forbidden(MULTIPLE_VOLUME_SOURCES, Where.at(sourcePath.field(kind)).onKey(),
                            "may not specify more than 1 volume type per source",
                            "Put each projection into its own list item.");
                    continue;
                }
                YMap kindMap = Fields.map(source, kind);
                YamlPath kindPath = sourcePath.field(kind);
                switch (kind) {
                    case "secret", "configMap" -> {
                        List<YNode> items = Fields.items(kindMap, "items");
                        for (int k = 0; k < items.size(); k++) {
                            validateKeyToPath(Fields.map(items.get(k)), kindPath.field("items").index(k), errors);
                        }
                    }
                    case "serviceAccountToken" -> validateServiceAccountToken(kindMap, kindPath, errors);
                    default -> {
                    }
                }
            }
        }
    }

    private static void validateServiceAccountToken(YMap token, YamlPath path, FieldErrors errors) {
        if (token == null) {
            return;
        }
        Long expiration = Fields.integer(token, "expirationSeconds", 3600);
        if (expiration != null && expiration < 600) {
            errors.invalid(INVALID_VOLUME_SOURCE, Where.at(path.field("expirationSeconds")), Long.toString(expiration),
                    "may not specify a duration less than 10 minutes", "Use at least 600 seconds.");
        } else if (expiration != null && expiration > 1L << 32) {
            errors.invalid(INVALID_VOLUME_SOURCE, Where.at(path.field("expirationSeconds")), Long.toString(expiration),
                    "may not specify a duration larger than 2^32 seconds", "Use a shorter duration.");
        }
        String tokenPath = Fields.string(token, "path");
        if (tokenPath != null) {
            if (tokenPath.isEmpty()) {
                errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), "",
                        "Give the file name of the token, e.g. token.");
            }
            validateLocalNonReservedPath(tokenPath, Where.at(path.field("path")), INVALID_VOLUME_SOURCE, errors);
        }
    }
}
