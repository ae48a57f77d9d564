package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.DaemonSetSpecValidation.TEMPLATE;
import static dev.dsls.validation.FieldErrors.Where;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlPath;

/**
 * ValidatePodTemplateSpec (core validation). Quirk kept from upstream: template labels and
 * annotations are reported at {@code spec.template.labels} and {@code spec.template.annotations},
 * without {@code .metadata}.
 */
final class PodTemplateValidation {
    private PodTemplateValidation() {
    }

    static void validatePodTemplateSpec(YMap template, FieldErrors errors) {
        YMap metadata = Fields.map(template, "metadata");
        YamlPath metadataPath = TEMPLATE.field("metadata");
        ObjectMetaValidation.validateLabels(Fields.map(metadata, "labels"), TEMPLATE.field("labels").toString(),
                metadataPath.field("labels"), ValidationCodes.INVALID_LABEL, errors);
        ObjectMetaValidation.validateAnnotations(Fields.map(metadata, "annotations"),
                TEMPLATE.field("annotations").toString(), metadataPath.field("annotations"), errors);
        YMap podSpec = Fields.map(template, "spec");
        PodSpecValidation.validatePodSpec(podSpec, errors);
        if (!Fields.items(podSpec, "ephemeralContainers").isEmpty()) {
            errors.forbidden(ValidationCodes.EPHEMERAL_CONTAINERS, Where.at(POD_SPEC.field("ephemeralContainers"))
                    .onKey(), "ephemeral containers not allowed in pod template", "Remove ephemeralContainers;"
                    + " add one to a running pod with kubectl debug instead.");
        }
    }
}
