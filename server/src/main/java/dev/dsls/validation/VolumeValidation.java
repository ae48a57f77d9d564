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
import java.util.HashSet;
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

    /**
     * validateVolumeSource: the first source set (in upstream's order) is validated, every later one
     * is Forbidden. Quirk kept from upstream: a second downwardAPI is printed {@code downwarAPI} and
     * a second cephfs {@code cephFS}.
     */
    private static void validateVolumeSource(YMap volume, YamlPath path, FieldErrors errors) {
        boolean first = true;
        for (String source : SOURCES) {
            if (!Fields.isSet(volume, source)) {
                continue;
            }
            if (!first) {
                String printed = switch (source) {
                    case "downwardAPI" -> "downwarAPI";
                    case "cephfs" -> "cephFS";
                    default -> source;
                };
                errors.forbidden(MULTIPLE_VOLUME_SOURCES, Where.printedAs(path.field(printed).toString(),
                        path.field(source)).onKey(), "may not specify more than 1 volume type",
                        "Split it into two volumes, one per source.");
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

    /** True for a volume that is an emptyDir once defaulted: emptyDir set, or no source at all. */
    static boolean isEmptyDir(YMap volume) {
        if (Fields.isSet(volume, "emptyDir")) {
            return true;
        }
        for (String source : SOURCES) {
            if (Fields.isSet(volume, source)) {
                return false;
            }
        }
        return true;
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
            case "gitRepo" -> {
                requireString(map, "repository", path, "Give the repository URL.", errors);
                String directory = Fields.string(map, "directory");
                if (directory != null) {
                    validateLocalDescendingPath(directory, Where.at(path.field("directory")), INVALID_VOLUME_SOURCE,
                            errors);
                }
            }
            // Quirk kept from upstream: the disk's fields are printed under "persistentDisk".
            case "gcePersistentDisk" -> validateDisk(map, "pdName", path.parent().field("persistentDisk"), path, errors);
            case "awsElasticBlockStore" -> validateDisk(map, "volumeID", path, path, errors);
            case "secret" -> {
                requireString(map, "secretName", path, "Name the Secret to mount.", errors);
                validateModesAndItems(map, path, errors);
            }
            case "nfs" -> {
                requireString(map, "server", path, "Give the NFS server's host name or IP.", errors);
                // validateNFSVolumeSource: an empty path is both Required and not absolute.
                String nfsPath = Fields.string(map, "path");
                if (nfsPath != null && nfsPath.isEmpty()) {
                    errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), "", "Give the exported path.");
                }
                if (nfsPath != null && !nfsPath.startsWith("/")) {
                    errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("path")), nfsPath,
                            "must be an absolute path", "Start the export path with '/'.");
                }
            }
            case "glusterfs" -> {
                requireString(map, "endpoints", path, "Name the Endpoints of the Gluster cluster.", errors);
                requireString(map, "path", path, "Give the Gluster volume path.", errors);
            }
            case "persistentVolumeClaim" -> requireString(map, "claimName", path,
                    "Name the PersistentVolumeClaim (every node's pod would share it).", errors);
            case "rbd" -> {
                requireList(map, "monitors", path, "List the Ceph monitors.", errors);
                requireString(map, "image", path, "Name the RBD image.", errors);
            }
            case "cinder" -> {
                requireString(map, "volumeID", path, "Give the Cinder volume ID.", errors);
                requireSecretRefName(map, path, errors);
            }
            case "cephfs" -> requireList(map, "monitors", path, "List the Ceph monitors.", errors);
            case "downwardAPI" -> {
                validateMode(map, "defaultMode", path, errors);
                List<YNode> items = Fields.items(map, "items");
                for (int j = 0; j < items.size(); j++) {
                    validateDownwardApiFile(Fields.map(items.get(j)), path, path.field("items").index(j), errors);
                }
            }
            case "flexVolume" -> requireString(map, "driver", path, "Name the flex volume driver.", errors);
            case "configMap" -> {
                requireString(map, "name", path, "Name the ConfigMap to mount.", errors);
                validateModesAndItems(map, path, errors);
            }
            case "azureFile" -> {
                requireString(map, "secretName", path, "Name the Secret with the storage account key.", errors);
                requireString(map, "shareName", path, "Name the Azure file share.", errors);
            }
            case "vsphereVolume" -> requireString(map, "volumePath", path, "Give the vSphere volume path.", errors);
            case "photonPersistentDisk" -> requireString(map, "pdID", path, "Give the Photon disk ID.", errors);
            case "portworxVolume" -> requireString(map, "volumeID", path, "Give the Portworx volume ID.", errors);
            case "storageos" -> validateStorageOs(map, path, errors);
            case "projected" -> validateProjected(map, path, errors);
            case "scaleIO" -> {
                requireString(map, "gateway", path, "Give the ScaleIO gateway.", errors);
                requireString(map, "system", path, "Name the ScaleIO system.", errors);
                requireString(map, "volumeName", path, "Name the ScaleIO volume.", errors);
            }
            case "csi" -> validateCsi(map, path, errors);
            case "ephemeral" -> validateEphemeral(map, path, errors);
            default -> {
                // iscsi, flocker, quobyte, fc, azureDisk and image: see docs/validation-coverage.md.
            }
        }
    }

    /**
     * validateGCEPersistentDiskVolumeSource / validateAWSElasticBlockStoreVolumeSource: the disk is
     * named and the partition is 0-255 (the message upstream prints says 1-255).
     */
    private static void validateDisk(YMap disk, String idField, YamlPath printedBase, YamlPath nodeBase,
                                     FieldErrors errors) {
        String id = Fields.string(disk, idField);
        if (id != null && id.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.printedAs(printedBase.field(idField).toString(),
                    nodeBase.field(idField)), "", "Name the disk to attach.");
        }
        Long partition = Fields.integer(disk, "partition", 0);
        if (partition != null && (partition < 0 || partition > 255)) {
            errors.invalid(INVALID_VOLUME_SOURCE, Where.printedAs(printedBase.field("partition").toString(),
                    nodeBase.field("partition")), Long.toString(partition), ValidationSyntax.inclusiveRangeError(1, 255),
                    "Use the partition number, or 0 for the whole disk.");
        }
    }

    /** validateStorageOSVolumeSource: the volume name and namespace are DNS labels. */
    private static void validateStorageOs(YMap storageos, YamlPath path, FieldErrors errors) {
        String volumeName = Fields.string(storageos, "volumeName");
        if (volumeName != null && volumeName.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("volumeName")), "", "Name the StorageOS volume.");
        } else if (volumeName != null) {
            for (String message : ValidationSyntax.dns1123Label(volumeName)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("volumeName")), volumeName, message,
                        "Use lower-case letters, digits and '-'.");
            }
        }
        String namespace = Fields.string(storageos, "volumeNamespace");
        if (namespace != null && !namespace.isEmpty()) {
            for (String message : ValidationSyntax.dns1123Label(namespace)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("volumeNamespace")), namespace, message,
                        "Use lower-case letters, digits and '-'.");
            }
        }
        requireSecretRefName(storageos, path, errors);
    }

    /** A secretRef, when set, must name its Secret (upstream prints secretRef.name). */
    private static void requireSecretRefName(YMap source, YamlPath path, FieldErrors errors) {
        YMap secretRef = Fields.map(source, "secretRef");
        String name = Fields.string(secretRef, "name");
        if (secretRef != null && name != null && name.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("secretRef").field("name")), "",
                    "Name the Secret.");
        }
    }

    private static void requireList(YMap map, String field, YamlPath path, String fix, FieldErrors errors) {
        if (Fields.items(map, field).isEmpty() && (Fields.node(map, field) == null
                || Fields.node(map, field) instanceof dev.dsls.yaml.YSeq)) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field(field)), "", fix);
        }
    }

    /**
     * validateCSIVolumeSource: ValidateCSIDriverName (Required when empty, and then nothing else;
     * TooLong over 63 characters; the lower-cased name a DNS subdomain), and a nodePublishSecretRef
     * that names its Secret. Quirk kept from upstream: a bad secret name is printed at
     * {@code csi.name}.
     */
    private static void validateCsi(YMap csi, YamlPath path, FieldErrors errors) {
        String driver = Fields.string(csi, "driver");
        if (driver != null && driver.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("driver")), "",
                    "Name the CSI driver, e.g. secrets-store.csi.k8s.io.");
        } else if (driver != null) {
            if (driver.length() > 63) {
                errors.tooLong(INVALID_VOLUME_SOURCE, Where.at(path.field("driver")), 63,
                        "CSI driver names have at most 63 characters.");
            }
            for (String message : ValidationSyntax.dns1123Subdomain(driver.toLowerCase(java.util.Locale.ROOT))) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("driver")), driver, message,
                        "Use the name the driver registers, e.g. secrets-store.csi.k8s.io.");
            }
        }
        if (!Fields.isSet(csi, "nodePublishSecretRef")) {
            return;
        }
        YMap secretRef = Fields.map(csi, "nodePublishSecretRef");
        String name = Fields.string(secretRef, "name");
        if (secretRef == null || name == null) {
            return;
        }
        YamlPath namePath = path.field("nodePublishSecretRef").field("name");
        if (name.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(namePath), "", "Name the Secret the driver receives.");
        } else {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(name, false)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.printedAs(path.field("name").toString(), namePath),
                        name, message, "Secret names are lower-case DNS subdomains.");
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

    /**
     * validateProjectedVolumeSource and validateProjectionSources: every kind set in a source is
     * validated, a source naming more than one kind is Forbidden as a whole, and no two files of the
     * volume may share a path. Quirks kept from upstream: duplicate paths are printed at
     * {@code projected} (with the secret's or config map's name as the value), and the service
     * account token's path rules at {@code projected.path}. clusterTrustBundle and podCertificate
     * sources are dropped before validation (ClusterTrustBundleProjection and PodCertificateRequest
     * are off by default in 1.36), so they count for nothing.
     */
    private static void validateProjected(YMap projected, YamlPath path, FieldErrors errors) {
        validateMode(projected, "defaultMode", path, errors);
        Set<String> allPaths = new HashSet<>();
        List<YNode> sources = Fields.items(projected, "sources");
        for (int j = 0; j < sources.size(); j++) {
            YMap source = Fields.map(sources.get(j));
            YamlPath sourcePath = path.field("sources").index(j);
            int kinds = 0;
            for (String kind : List.of("secret", "configMap")) {
                if (!Fields.isSet(source, kind)) {
                    continue;
                }
                kinds++;
                YMap kindMap = Fields.map(source, kind);
                if (kindMap == null) {
                    continue;
                }
                YamlPath kindPath = sourcePath.field(kind);
                String name = Fields.string(kindMap, "name");
                if (name != null && name.isEmpty()) {
                    errors.required(INVALID_VOLUME_SOURCE, Where.at(kindPath.field("name")), "",
                            "Name the " + (kind.equals("secret") ? "Secret" : "ConfigMap") + " to project.");
                }
                List<YNode> items = Fields.items(kindMap, "items");
                for (int k = 0; k < items.size(); k++) {
                    YMap item = Fields.map(items.get(k));
                    YamlPath itemPath = kindPath.field("items").index(k);
                    validateKeyToPath(item, itemPath, errors);
                    String itemFile = Fields.string(item, "path");
                    if (item != null && itemFile != null && !itemFile.isEmpty() && !allPaths.add(itemFile)) {
                        errors.invalidString(INVALID_VOLUME_SOURCE, Where.printedAs(path.toString(),
                                itemPath.field("path")), name == null ? "" : name, "conflicting duplicate paths",
                                "Give each projected file its own path.");
                    }
                }
            }
            if (Fields.isSet(source, "downwardAPI")) {
                kinds++;
                YamlPath kindPath = sourcePath.field("downwardAPI");
                List<YNode> items = Fields.items(Fields.map(source, "downwardAPI"), "items");
                for (int k = 0; k < items.size(); k++) {
                    YMap file = Fields.map(items.get(k));
                    YamlPath itemPath = kindPath.field("items").index(k);
                    validateDownwardApiFile(file, kindPath, itemPath, errors);
                    String filePath = Fields.string(file, "path");
                    if (file != null && filePath != null && !filePath.isEmpty() && !allPaths.add(filePath)) {
                        errors.invalidString(INVALID_VOLUME_SOURCE, Where.printedAs(path.toString(),
                                itemPath.field("path")), filePath, "conflicting duplicate paths",
                                "Give each projected file its own path.");
                    }
                }
            }
            if (Fields.isSet(source, "serviceAccountToken")) {
                kinds++;
                validateServiceAccountToken(Fields.map(source, "serviceAccountToken"), path,
                        sourcePath.field("serviceAccountToken"), errors);
            }
            if (kinds > 1) {
                errors.forbidden(MULTIPLE_VOLUME_SOURCES, Where.at(sourcePath), "may not specify more than 1 volume"
                        + " type per source", "Put each projection into its own list item.");
            }
        }
    }

    /**
     * The serviceAccountToken part of validateProjectionSources: expirationSeconds (defaulted to an
     * hour) between 10 minutes and 2^32 seconds, and a relative path. Quirk kept from upstream: the
     * path rules are printed at the projected volume's {@code path}, not the token's.
     */
    private static void validateServiceAccountToken(YMap token, YamlPath projectedPath, YamlPath path,
                                                    FieldErrors errors) {
        if (token == null) {
            return;
        }
        Long expiration = Fields.integer(token, "expirationSeconds", 3600);
        if (expiration != null && expiration < 600) {
            errors.invalid(INVALID_VOLUME_SOURCE, Where.at(path.field("expirationSeconds")), Long.toString(expiration),
                    "may not specify a duration less than 10 minutes", "Use at least 600 seconds.");
        }
        if (expiration != null && expiration > 1L << 32) {
            errors.invalid(INVALID_VOLUME_SOURCE, Where.at(path.field("expirationSeconds")), Long.toString(expiration),
                    "may not specify a duration larger than 2^32 seconds", "Use a shorter duration.");
        }
        String tokenPath = Fields.string(token, "path");
        if (tokenPath == null) {
            return;
        }
        Where where = Where.printedAs(projectedPath.field("path").toString(), path.field("path"));
        if (tokenPath.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, where, "", "Give the file name of the token, e.g. token.");
        } else {
            validateLocalNonReservedPath(tokenPath, where, INVALID_VOLUME_SOURCE, errors);
        }
    }

    /** The ObjectMeta fields (JSON names) a PersistentVolumeClaim template may not set, with upstream's printed name. */
    private static final Map<String, String> CLAIM_TEMPLATE_FORBIDDEN_META = orderedForbiddenMeta();
    private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
            "ReadWriteOncePod");
    private static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");

    private static Map<String, String> orderedForbiddenMeta() {
        Map<String, String> fields = new LinkedHashMap<>();
        // validateFieldAllowList lower-cases the first letter of the Go field name: UID becomes uID.
        for (String field : List.of("name", "generateName", "namespace", "selfLink", "uid", "resourceVersion",
                "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
                "ownerReferences", "finalizers", "managedFields")) {
            fields.put(field, field.equals("uid") ? "uID" : field);
        }
        return fields;
    }

    /**
     * validateEphemeralVolumeSource: a volumeClaimTemplate is required, and it is checked as
     * ValidatePersistentVolumeClaimTemplate does (metadata: only labels and annotations; spec: access
     * modes, a positive storage request, class and volume mode names, data sources). In a template
     * there is no pod name, so the generated claim name is not checked.
     */
    private static void validateEphemeral(YMap ephemeral, YamlPath path, FieldErrors errors) {
        YamlPath templatePath = path.field("volumeClaimTemplate");
        if (!Fields.isSet(ephemeral, "volumeClaimTemplate")) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(templatePath), "", "Add volumeClaimTemplate with the"
                    + " claim's spec (accessModes and resources.requests.storage).");
            return;
        }
        YMap template = Fields.map(ephemeral, "volumeClaimTemplate");
        if (template == null) {
            return;
        }
        YMap metadata = Fields.map(template, "metadata");
        YamlPath metadataPath = templatePath.field("metadata");
        if (metadata != null) {
            ObjectMetaValidation.validateAnnotations(Fields.map(metadata, "annotations"),
                    metadataPath.field("annotations").toString(), metadataPath.field("annotations"), errors);
            ObjectMetaValidation.validateLabels(Fields.map(metadata, "labels"), metadataPath.field("labels").toString(),
                    metadataPath.field("labels"), INVALID_VOLUME_SOURCE, errors);
            for (Map.Entry<String, String> field : CLAIM_TEMPLATE_FORBIDDEN_META.entrySet()) {
                if (isNonZero(Fields.node(metadata, field.getKey()))) {
                    errors.forbidden(INVALID_VOLUME_SOURCE, Where.printedAs(metadataPath.field(field.getValue())
                            .toString(), metadataPath.field(field.getKey())).onKey(), "cannot be set",
                            "A claim template takes only labels and annotations; the claim is named after the pod.");
                }
            }
        }
        validateClaimSpec(Fields.map(template, "spec"), templatePath.field("spec"), errors);
    }

    /** ValidatePersistentVolumeClaimSpec, for a claim template. */
    private static void validateClaimSpec(YMap spec, YamlPath path, FieldErrors errors) {
        List<YNode> accessModes = Fields.items(spec, "accessModes");
        if (accessModes.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("accessModes")), "at least 1 access mode is"
                    + " required", "Add accessModes: [ReadWriteOnce].");
        }
        YMap selector = Fields.map(spec, "selector");
        if (selector != null) {
            LabelSelectorValidation.validateLabelSelector(selector, path.field("selector"), INVALID_VOLUME_SOURCE,
                    errors);
        }
        boolean readWriteOncePod = false;
        boolean otherMode = false;
        for (int i = 0; i < accessModes.size(); i++) {
            if (!Fields.isString(accessModes.get(i))) {
                continue;
            }
            String mode = ((dev.dsls.yaml.YScalar) accessModes.get(i)).value();
            if (!ACCESS_MODES.contains(mode)) {
                errors.notSupported(INVALID_VOLUME_SOURCE, Where.printedAs(path.field("accessModes").toString(),
                        path.field("accessModes").index(i)), GoFormat.quote(mode), ACCESS_MODES,
                        "Access modes are case-sensitive.");
            } else if (mode.equals("ReadWriteOncePod")) {
                readWriteOncePod = true;
            } else {
                otherMode = true;
            }
        }
        if (readWriteOncePod && otherMode) {
            errors.forbidden(INVALID_VOLUME_SOURCE, Where.at(path.field("accessModes")).onKey(),
                    "may not use ReadWriteOncePod with other access modes", "Keep ReadWriteOncePod alone.");
        }
        // Quirk kept from upstream: the storage request is printed as resources[storage].
        YMap requests = Fields.map(Fields.map(spec, "resources"), "requests");
        String storagePath = path.field("resources").key("storage").toString();
        YNode storage = Fields.node(requests, "storage");
        if (storage == null) {
            errors.required(INVALID_VOLUME_SOURCE, Where.printedAs(storagePath, requests != null
                    ? path.field("resources").field("requests") : path.field("resources")), "",
                    "Request the claim's size: resources.requests.storage, e.g. 1Gi.");
        } else if (storage instanceof dev.dsls.yaml.YScalar scalar && Quantity.isValid(scalar.value())) {
            Quantity quantity = Quantity.parse(scalar.value());
            if (quantity.decimal().signum() <= 0) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.printedAs(storagePath, path.field("resources")
                        .field("requests").field("storage")), quantity.text(), "must be greater than zero",
                        "Request a positive size such as 1Gi.");
            }
        }
        String storageClassName = Fields.string(spec, "storageClassName");
        if (storageClassName != null && !storageClassName.isEmpty()) {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(storageClassName, false)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("storageClassName")), storageClassName,
                        message, "Name a StorageClass.");
            }
        }
        String volumeMode = Fields.string(spec, "volumeMode");
        if (volumeMode != null && Fields.isSet(spec, "volumeMode") && !VOLUME_MODES.contains(volumeMode)) {
            errors.notSupported(INVALID_VOLUME_SOURCE, Where.at(path.field("volumeMode")), GoFormat.quote(volumeMode),
                    VOLUME_MODES, "Use Filesystem (the default) or Block.");
        }
        for (String field : List.of("dataSource", "dataSourceRef")) {
            validateDataSource(Fields.map(spec, field), path.field(field), errors);
        }
        String attributesClass = Fields.string(spec, "volumeAttributesClassName");
        if (attributesClass != null && !attributesClass.isEmpty()) {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(attributesClass, false)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("volumeAttributesClassName")),
                        attributesClass, message, "Name a VolumeAttributesClass.");
            }
        }
    }

    /** validateDataSource / validateDataSourceRef: name and kind required; the core group only for claims. */
    private static void validateDataSource(YMap source, YamlPath path, FieldErrors errors) {
        if (source == null) {
            return;
        }
        String name = Fields.string(source, "name");
        if (name != null && name.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("name")), "", "Name the data source object.");
        }
        String kind = Fields.string(source, "kind");
        if (kind != null && kind.isEmpty()) {
            errors.required(INVALID_VOLUME_SOURCE, Where.at(path.field("kind")), "", "Give the data source's kind.");
        }
        String apiGroup = Fields.string(source, "apiGroup");
        if (kind != null && apiGroup != null && apiGroup.isEmpty() && !kind.equals("PersistentVolumeClaim")) {
            errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path).onKey(), kind, "must be 'PersistentVolumeClaim'"
                    + " when referencing the default apiGroup", "Set apiGroup, e.g. snapshot.storage.k8s.io for a"
                    + " VolumeSnapshot.");
        }
        if (apiGroup != null && !apiGroup.isEmpty()) {
            for (String message : ValidationSyntax.dns1123Subdomain(apiGroup)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("apiGroup")), apiGroup, message,
                        "API groups are DNS subdomains.");
            }
        }
        String namespace = Fields.string(source, "namespace");
        if (namespace != null && !namespace.isEmpty()) {
            for (String message : ValidationSyntax.dns1123Label(namespace)) {
                errors.invalidString(INVALID_VOLUME_SOURCE, Where.at(path.field("namespace")), namespace, message,
                        "Namespaces are DNS labels.");
            }
        }
    }

    /** reflect.DeepEqual against the zero value, for a decoded JSON value. */
    private static boolean isNonZero(YNode node) {
        if (node == null) {
            return false;
        }
        if (node instanceof dev.dsls.yaml.YScalar scalar) {
            return switch (scalar.kind()) {
                case STRING -> !scalar.value().isEmpty();
                case INTEGER, FLOAT -> {
                    Long number = Fields.integerValue(scalar);
                    yield number == null || number != 0;
                }
                case BOOLEAN -> dev.dsls.yaml.Yaml11.isTrue(scalar.value());
                default -> false;
            };
        }
        if (node instanceof YMap map) {
            return !map.entries().isEmpty();
        }
        // A list decodes to a non-nil slice even when empty, which is not the zero value.
        return node instanceof dev.dsls.yaml.YSeq;
    }
}
