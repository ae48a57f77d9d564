package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_ANNOTATION;
import static dev.dsls.validation.ValidationCodes.INVALID_FINALIZER;
import static dev.dsls.validation.ValidationCodes.INVALID_NAME;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** ValidateObjectMeta (apimachinery objectmeta.go, core ValidateObjectMeta) and ValidateLabels (meta/v1). */
final class ObjectMetaValidation {
    /** TotalAnnotationSizeLimitB: keys plus values of one object's annotations. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");
    private static final YamlPath METADATA = YamlPath.ROOT.field("metadata");

    private ObjectMetaValidation() {
    }

    static void validateObjectMeta(YMap root, FieldErrors errors) {
        YMap metadata = Fields.map(root, "metadata");
        String name = Fields.string(metadata, "name");
        String generateName = Fields.string(metadata, "generateName");
        if (generateName != null && !generateName.isEmpty()) {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(generateName, true)) {
                errors.invalidString(INVALID_NAME, Where.at(METADATA.field("generateName")), generateName, message,
                        "Use lower-case letters, digits, '-' and '.'; the API server appends 5 random characters.");
            }
        }
        if (name != null && name.isEmpty() && (generateName == null || generateName.isEmpty())) {
            // With generateName the API server generates the name before validating it.
            errors.required(INVALID_NAME, Where.at(METADATA.field("name")), "name or generateName is required",
                    "Add metadata.name (a lower-case DNS subdomain such as node-exporter).");
        } else if (name != null && !name.isEmpty()) {
            for (String message : ValidationSyntax.nameIsDnsSubdomain(name, false)) {
                errors.invalidString(INVALID_NAME, Where.at(METADATA.field("name")), name, message,
                        "Use at most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter"
                                + " or digit.");
            }
        }
        // The namespace may be left out (kubectl fills it in); when written it must be a DNS label.
        String namespace = Fields.string(metadata, "namespace");
        if (namespace != null && !namespace.isEmpty()) {
            for (String message : ValidationSyntax.dns1123Label(namespace)) {
                errors.invalidString(INVALID_NAME, Where.at(METADATA.field("namespace")), namespace, message,
                        "Namespaces are at most 63 lower-case letters, digits and '-'.");
            }
        }
        validateLabels(Fields.map(metadata, "labels"), "metadata.labels", METADATA.field("labels"),
                ValidationCodes.INVALID_LABEL, errors);
        validateAnnotations(Fields.map(metadata, "annotations"), "metadata.annotations", METADATA.field("annotations"),
                errors);
        validateFinalizers(Fields.items(metadata, "finalizers"), errors);
    }

    /**
     * ValidateLabels: every key a qualified name, every value a label value. Upstream reports them at
     * the map's path without the key ({@code printedPath}); dsls marks the offending key or value.
     */
    static void validateLabels(YMap labels, String printedPath, YamlPath mapPath, String code, FieldErrors errors) {
        if (labels == null) {
            return;
        }
        for (YEntry entry : labels.entries()) {
            YamlPath entryPath = mapPath.key(entry.name());
            validateLabelName(entry.name(), Where.printedAs(printedPath, entryPath).onKey(), code, errors);
            if (entry.value() instanceof YScalar value && value.kind() == ScalarKind.STRING) {
                for (String message : ValidationSyntax.labelValue(value.value())) {
                    errors.invalidString(code, Where.printedAs(printedPath, entryPath), value.value(), message,
                            "Label values have at most 63 characters: letters, digits, '-', '_' and '.', starting"
                                    + " and ending with a letter or digit (or are empty).");
                }
            }
        }
    }

    /** ValidateLabelName: a qualified name (optional DNS-subdomain prefix and '/', then a name). */
    static void validateLabelName(String key, Where where, String code, FieldErrors errors) {
        for (String message : ValidationSyntax.qualifiedName(key)) {
            errors.invalidString(code, where, key, message, "Keys are an optional DNS-subdomain prefix and '/'"
                    + " followed by at most 63 letters, digits, '-', '_' and '.' (e.g. app.kubernetes.io/name).");
        }
    }

    /** ValidateAnnotations: keys are qualified names (case-insensitively); all annotations together at most 256 KiB. */
    static void validateAnnotations(YMap annotations, String printedPath, YamlPath mapPath, FieldErrors errors) {
        if (annotations == null) {
            return;
        }
        long totalBytes = 0;
        for (YEntry entry : annotations.entries()) {
            for (String message : ValidationSyntax.qualifiedName(entry.name().toLowerCase(java.util.Locale.ROOT))) {
                errors.invalidString(INVALID_ANNOTATION, Where.printedAs(printedPath, mapPath.key(entry.name())).onKey(),
                        entry.name(), message, "Annotation keys are an optional DNS-subdomain prefix and '/' followed"
                                + " by at most 63 letters, digits, '-', '_' and '.'.");
            }
            totalBytes += entry.name().getBytes(StandardCharsets.UTF_8).length;
            if (entry.value() instanceof YScalar value && !value.isNull()) {
                totalBytes += value.value().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (totalBytes > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errors.tooLong(INVALID_ANNOTATION, Where.printedAs(printedPath, mapPath).onKey(),
                    TOTAL_ANNOTATION_SIZE_LIMIT, "Annotations are for small metadata; move large data into a"
                            + " ConfigMap.");
        }
    }

    /**
     * ValidateFinalizers: apimachinery checks each name at the list's path, core checks it again at
     * the item's path and also requires a '/' unless the finalizer is a standard one.
     */
    private static void validateFinalizers(List<YNode> finalizers, FieldErrors errors) {
        YamlPath listPath = METADATA.field("finalizers");
        boolean orphan = false;
        boolean foreground = false;
        for (int i = 0; i < finalizers.size(); i++) {
            if (!(finalizers.get(i) instanceof YScalar scalar) || scalar.kind() != ScalarKind.STRING) {
                continue;
            }
            String finalizer = scalar.value();
            List<String> messages = ValidationSyntax.qualifiedName(finalizer);
            String fix = "Finalizers are qualified names such as example.com/cleanup.";
            for (String message : messages) {
                errors.invalidString(INVALID_FINALIZER, Where.printedAs(listPath.toString(), listPath.index(i)),
                        finalizer, message, fix);
            }
            for (String message : messages) {
                errors.invalidString(INVALID_FINALIZER, Where.at(listPath.index(i)), finalizer, message, fix);
            }
            if (messages.isEmpty() && !finalizer.contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
                errors.invalidString(INVALID_FINALIZER, Where.at(listPath.index(i)), finalizer,
                        "name is neither a standard finalizer name nor is it fully qualified",
                        "Prefix it with a domain you own, e.g. example.com/" + finalizer + ".");
            }
            orphan |= finalizer.equals("orphan");
            foreground |= finalizer.equals("foregroundDeletion");
        }
        if (orphan && foreground) {
            errors.invalid(INVALID_FINALIZER, Where.at(listPath).onKey(),
                    GoFormat.stringSlice(GoFormat.texts(finalizers)),
                    "finalizer orphan and foregroundDeletion cannot be both set", "Keep only one of them.");
        }
    }
}
