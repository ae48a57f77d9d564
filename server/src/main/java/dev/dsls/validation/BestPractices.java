package dev.dsls.validation;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.diagnostics.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;

/** Best practices for node agents, after kube-linter and Polaris. Each has its own code. */
public final class BestPractices implements ObjectCheck {
    public static final String LATEST_TAG = "latest-tag";

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        if (daemonSet.at("spec.template.spec.containers") instanceof YSeq containers) {
            for (YNode container : containers.items()) {
                if (container instanceof YMap map && map.get("image") instanceof YScalar image
                        && image.kind() == dev.dsls.yaml.ScalarKind.STRING) {
                    checkImageTag(image, sink);
                }
            }
        }
    }

    private void checkImageTag(YScalar image, DiagnosticSink sink) {
        String reference = image.value();
        if (reference.contains("@")) {
            return;
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String tag = colon > slash ? reference.substring(colon + 1) : null;
        if (tag == null || tag.equals("latest")) {
            sink.report(Severity.WARNING, LATEST_TAG, image.range(), String.format("The image \"%s\" %s, so every"
                    + " node may run a different build and a rollout cannot be told apart from the last one; pin a"
                    + " version tag or digest.", reference, tag == null ? "has no tag (it means :latest)" : "uses :latest"));
        }
    }
}
