package dev.dsls.validation;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.yaml.YMap;

/**
 * The API server's create validation of an apps/v1 DaemonSet (ValidateDaemonSet: object metadata,
 * then the spec with its pod template), after defaulting, plus the warnings it returns for the pod
 * template. Every error carries the path and error type the API server prints.
 */
public final class ApiValidation implements ObjectCheck {
    public static final String SELECTOR_MISMATCH = ValidationCodes.SELECTOR_MISMATCH;

    private final FeatureGates gates;

    /** Validation as the API server of Kubernetes 1.{@code gates.minor()} with default feature gates does it. */
    public ApiValidation(FeatureGates gates) {
        this.gates = gates;
    }

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        FieldErrors errors = new FieldErrors(sink, gates);
        YMap root = daemonSet.root();
        ObjectMetaValidation.validateObjectMeta(root, errors);
        DaemonSetSpecValidation.validateDaemonSetSpec(root, errors);
        ApiWarnings.warningsForPodTemplate(Fields.map(Fields.map(root, "spec"), "template"), errors);
        DroppedFields.warnDropped(root, errors);
    }
}
