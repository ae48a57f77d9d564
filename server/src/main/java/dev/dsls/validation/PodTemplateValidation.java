package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.DaemonSetSpecValidation.TEMPLATE;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_ANNOTATION;
import static dev.dsls.validation.ValidationCodes.INVALID_SECURITY_PROFILE;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * ValidatePodTemplateSpec (core validation): labels, annotations, ValidatePodSpecificAnnotations,
 * ValidatePodSpec, validateSeccompAnnotationsAndFields and
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate. Quirk kept from upstream: template labels and
 * annotations are reported at {@code spec.template.labels} and {@code spec.template.annotations},
 * without {@code .metadata}.
 */
final class PodTemplateValidation {
    /** core.MirrorPodAnnotationKey. */
    static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
    /** core.PodDeletionCost. */
    static final String POD_DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
    /** core.SeccompPodAnnotationKey. */
    static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    /** core.SeccompContainerAnnotationKeyPrefix. */
    static final String SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
    /** v1.DeprecatedAppArmorBetaContainerAnnotationKeyPrefix. */
    static final String APPARMOR_CONTAINER_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final YamlPath ANNOTATIONS_PRINTED = TEMPLATE.field("annotations");
    private static final YamlPath ANNOTATIONS = TEMPLATE.field("metadata").field("annotations");

    private PodTemplateValidation() {
    }

    static void validatePodTemplateSpec(YMap template, FieldErrors errors) {
        YMap metadata = Fields.map(template, "metadata");
        YamlPath metadataPath = TEMPLATE.field("metadata");
        ObjectMetaValidation.validateLabels(Fields.map(metadata, "labels"), TEMPLATE.field("labels").toString(),
                metadataPath.field("labels"), ValidationCodes.INVALID_LABEL, errors);
        YMap annotations = Fields.map(metadata, "annotations");
        ObjectMetaValidation.validateAnnotations(annotations, ANNOTATIONS_PRINTED.toString(),
                metadataPath.field("annotations"), errors);
        YMap podSpec = Fields.map(template, "spec");
        validatePodSpecificAnnotations(annotations, podSpec, errors);
        PodSpecValidation.validatePodSpec(podSpec, errors);
        validateSeccompAnnotationsAndFields(annotations, podSpec, errors);
        validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations, podSpec, errors);
        if (!Fields.items(podSpec, "ephemeralContainers").isEmpty()) {
            errors.forbidden(ValidationCodes.EPHEMERAL_CONTAINERS, Where.at(POD_SPEC.field("ephemeralContainers"))
                    .onKey(), "ephemeral containers not allowed in pod template", "Remove ephemeralContainers;"
                    + " add one to a running pod with kubectl debug instead.");
        }
    }

    /**
     * ValidatePodSpecificAnnotations: the mirror pod annotation needs spec.nodeName, the pod deletion
     * cost (PodDeletionCost, on by default) must be a 32-bit integer, and ValidateSeccompPodAnnotations
     * and ValidateAppArmorPodAnnotations check the deprecated profile annotations. The tolerations
     * annotation (scheduler.alpha.kubernetes.io/tolerations, a JSON list) is not modelled.
     */
    static void validatePodSpecificAnnotations(YMap annotations, YMap podSpec, FieldErrors errors) {
        if (annotations == null) {
            return;
        }
        YEntry mirror = annotations.entry(MIRROR_POD_ANNOTATION);
        if (mirror != null) {
            String nodeName = Fields.string(podSpec, "nodeName");
            if (nodeName == null || nodeName.isEmpty()) {
                errors.invalidString(INVALID_ANNOTATION, annotationKey(MIRROR_POD_ANNOTATION),
                        stringValue(mirror), "must set spec.nodeName if mirror pod annotation is set", "Remove the"
                                + " annotation: only the kubelet creates mirror pods, for static pods.");
            }
        }
        YEntry deletionCost = annotations.entry(POD_DELETION_COST_ANNOTATION);
        if (deletionCost != null && isString(deletionCost) && !isDeletionCost(stringValue(deletionCost))) {
            errors.invalidString(INVALID_ANNOTATION, Where.printedAs(ANNOTATIONS_PRINTED.key(
                    POD_DELETION_COST_ANNOTATION).toString(), ANNOTATIONS.key(POD_DELETION_COST_ANNOTATION)),
                    stringValue(deletionCost), "must be a 32bit integer", "Write a whole number between"
                            + " -2147483648 and 2147483647, without a '+' or leading zeros.");
        }
        validateSeccompPodAnnotations(annotations, errors);
        validateAppArmorPodAnnotations(annotations, podSpec, errors);
    }

    /**
     * helper.GetDeletionCostFromPodAnnotations: validFirstDigit (a '-', a lone "0" or 1-9 first, so no
     * '+' and no leading zero) and then strconv.ParseInt(value, 10, 32).
     */
    static boolean isDeletionCost(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean validFirstDigit = first == '-' || value.equals("0") || (first >= '1' && first <= '9');
        if (!validFirstDigit) {
            return false;
        }
        String digits = first == '-' ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        try {
            long parsed = Long.parseLong(value);
            return parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }

    /**
     * ValidateSeccompPodAnnotations: the pod annotation and each container annotation must name a
     * valid profile (ValidateSeccompProfile). Quirk kept from upstream: these are printed with the key
     * as a path element ({@code spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod}),
     * not in brackets.
     */
    private static void validateSeccompPodAnnotations(YMap annotations, FieldErrors errors) {
        for (YEntry entry : annotations.entries()) {
            String key = entry.name();
            if ((key.equals(SECCOMP_POD_ANNOTATION) || key.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX))
                    && isString(entry)) {
                validateSeccompProfile(stringValue(entry), Where.printedAs(ANNOTATIONS_PRINTED.field(key)
                        .toString(), ANNOTATIONS.key(key)), errors);
            }
        }
    }

    /** ValidateSeccompProfile: runtime/default, docker/default, unconfined or localhost/ and a relative path. */
    static void validateSeccompProfile(String profile, Where where, FieldErrors errors) {
        if (profile.equals("runtime/default") || profile.equals("docker/default") || profile.equals("unconfined")) {
            return;
        }
        if (profile.startsWith("localhost/")) {
            VolumeValidation.validateLocalDescendingPath(profile.substring("localhost/".length()), where,
                    INVALID_ANNOTATION, errors);
            return;
        }
        errors.invalidString(INVALID_ANNOTATION, where, profile, "must be a valid seccomp profile", "Use"
                + " runtime/default, unconfined or localhost/<profile>; better, set securityContext.seccompProfile"
                + " and drop the annotation.");
    }

    /**
     * ValidateAppArmorPodAnnotations: each container annotation must name a container of the pod and a
     * valid profile (ValidateAppArmorProfileFormat: empty, runtime/default, unconfined or localhost/...).
     */
    private static void validateAppArmorPodAnnotations(YMap annotations, YMap podSpec, FieldErrors errors) {
        List<String> names = new ArrayList<>();
        for (ContainerAt container : containers(podSpec)) {
            names.add(Fields.string(container.container(), "name"));
        }
        for (YEntry entry : annotations.entries()) {
            String key = entry.name();
            if (!key.startsWith(APPARMOR_CONTAINER_ANNOTATION_PREFIX)) {
                continue;
            }
            String containerName = key.substring(APPARMOR_CONTAINER_ANNOTATION_PREFIX.length());
            if (!names.contains(containerName)) {
                errors.invalidString(INVALID_ANNOTATION, annotationKey(key).onKey(), containerName,
                        "container not found", "The part after '/' must be the name of a container of this pod.");
            }
            if (!isString(entry)) {
                continue;
            }
            String profile = stringValue(entry);
            if (!profile.isEmpty() && !profile.equals("runtime/default") && !profile.equals("unconfined")
                    && !profile.startsWith("localhost/")) {
                errors.invalidString(INVALID_ANNOTATION, annotationKey(key), profile,
                        "invalid AppArmor profile name: " + GoFormat.quote(profile), "Use runtime/default,"
                                + " unconfined or localhost/<profile>; better, set securityContext.appArmorProfile"
                                + " and drop the annotation.");
            }
        }
    }

    /**
     * validateSeccompAnnotationsAndFields: where both a seccomp annotation and the seccompProfile field
     * are set (the pod's, or a container's own), they must agree (validateSeccompAnnotationsAndFieldsMatch).
     */
    static void validateSeccompAnnotationsAndFields(YMap annotations, YMap podSpec, FieldErrors errors) {
        if (annotations == null) {
            return;
        }
        YMap podProfile = Fields.map(Fields.map(podSpec, "securityContext"), "seccompProfile");
        YEntry podAnnotation = annotations.entry(SECCOMP_POD_ANNOTATION);
        if (podProfile != null && podAnnotation != null && isString(podAnnotation)) {
            seccompMatch(stringValue(podAnnotation), podProfile, POD_SPEC.field("securityContext")
                    .field("seccompProfile"), errors);
        }
        for (ContainerAt container : containers(podSpec)) {
            YMap profile = Fields.map(Fields.map(container.container(), "securityContext"), "seccompProfile");
            String name = Fields.string(container.container(), "name");
            YEntry annotation = name == null ? null : annotations.entry(SECCOMP_CONTAINER_ANNOTATION_PREFIX + name);
            if (profile != null && annotation != null && isString(annotation)) {
                seccompMatch(stringValue(annotation), profile, container.path().field("securityContext")
                        .field("seccompProfile"), errors);
            }
        }
    }

    private static void seccompMatch(String annotation, YMap profile, YamlPath path, FieldErrors errors) {
        String type = Fields.string(profile, "type");
        String fix = "Make the annotation and the field say the same, or better, drop the deprecated annotation.";
        if (type == null) {
            return;
        }
        switch (type) {
            case "Unconfined" -> {
                if (!annotation.equals("unconfined")) {
                    errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                            "seccomp type in annotation and field must match", fix);
                }
            }
            case "RuntimeDefault" -> {
                if (!annotation.equals("runtime/default") && !annotation.equals("docker/default")) {
                    errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                            "seccomp type in annotation and field must match", fix);
                }
            }
            case "Localhost" -> {
                String localhostProfile = Fields.string(profile, "localhostProfile");
                if (!annotation.startsWith("localhost/")) {
                    errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                            "seccomp type in annotation and field must match", fix);
                } else if (!Fields.isSet(profile, "localhostProfile") || localhostProfile == null
                        || !annotation.substring("localhost/".length()).equals(localhostProfile)) {
                    errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("localhostProfile")),
                            "seccomp profile in annotation and field must match", fix);
                }
            }
            default -> {
            }
        }
    }

    /**
     * validateAppArmorAnnotationsAndFieldsMatchOnCreate: for each container with an AppArmor profile
     * (its own, else the pod's) and an AppArmor annotation, the two must agree. Skipped for windows
     * pods. Quirk kept from upstream: the error is printed at the container's appArmorProfile even when
     * the profile is the pod's.
     */
    static void validateAppArmorAnnotationsAndFieldsMatchOnCreate(YMap annotations, YMap podSpec,
            FieldErrors errors) {
        if (annotations == null || "windows".equals(Fields.string(Fields.map(podSpec, "os"), "name"))) {
            return;
        }
        YMap podProfile = Fields.map(Fields.map(podSpec, "securityContext"), "appArmorProfile");
        for (ContainerAt container : containers(podSpec)) {
            YMap own = Fields.map(Fields.map(container.container(), "securityContext"), "appArmorProfile");
            YMap profile = own != null ? own : podProfile;
            String name = Fields.string(container.container(), "name");
            YEntry annotation = name == null ? null : annotations.entry(APPARMOR_CONTAINER_ANNOTATION_PREFIX + name);
            if (profile == null || annotation == null || !isString(annotation)) {
                continue;
            }
            String value = stringValue(annotation);
            YamlPath path = container.path().field("securityContext").field("appArmorProfile");
            String type = Fields.string(profile, "type");
            String fix = "Make the annotation and the field say the same, or better, drop the deprecated annotation.";
            if (type == null) {
                continue;
            }
            switch (type) {
                case "Unconfined" -> {
                    if (!value.equals("unconfined")) {
                        errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                                "apparmor type in annotation and field must match", fix);
                    }
                }
                case "RuntimeDefault" -> {
                    if (!value.equals("runtime/default")) {
                        errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                                "apparmor type in annotation and field must match", fix);
                    }
                }
                case "Localhost" -> {
                    String localhostProfile = Fields.string(profile, "localhostProfile");
                    if (!value.startsWith("localhost/")) {
                        errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("type")),
                                "apparmor type in annotation and field must match", fix);
                    } else if (!Fields.isSet(profile, "localhostProfile") || localhostProfile == null
                            || !value.substring("localhost/".length()).equals(localhostProfile)) {
                        errors.forbidden(INVALID_SECURITY_PROFILE, Where.at(path.field("localhostProfile")),
                                "apparmor profile in annotation and field must match", fix);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A container with the path pods.VisitContainersWithPath gives it. */
    private record ContainerAt(YMap container, YamlPath path) {
    }

    /** Init containers, then containers, then ephemeral containers, as VisitContainersWithPath visits them. */
    private static List<ContainerAt> containers(YMap podSpec) {
        List<ContainerAt> all = new ArrayList<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            List<YNode> items = Fields.items(podSpec, list);
            for (int i = 0; i < items.size(); i++) {
                YMap container = Fields.map(items.get(i));
                if (container != null) {
                    all.add(new ContainerAt(container, POD_SPEC.field(list).index(i)));
                }
            }
        }
        return all;
    }

    /** fldPath.Key(key): printed {@code spec.template.annotations[key]}, marked at the annotation's value. */
    private static Where annotationKey(String key) {
        return Where.printedAs(ANNOTATIONS_PRINTED.key(key).toString(), ANNOTATIONS.key(key));
    }

    private static boolean isString(YEntry entry) {
        return entry.value() instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING;
    }

    /** The annotation's value as a string ("" when it is null or not a scalar). */
    private static String stringValue(YEntry entry) {
        return entry.value() instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : "";
    }
}
