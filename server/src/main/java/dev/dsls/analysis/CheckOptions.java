package dev.dsls.analysis;

import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a check run includes: codes the user turned off, checks beyond the built-in ones (the
 * placement checks, which need an inventory), and the Kubernetes version of the cluster the manifests
 * are checked against.
 */
public record CheckOptions(Set<String> disabledCodes, List<ObjectCheck> extraChecks,
                           KubernetesVersion kubernetesVersion) {
    public static final CheckOptions DEFAULT = new CheckOptions(Set.of(), List.of());

    public CheckOptions {
        disabledCodes = Set.copyOf(disabledCodes);
        extraChecks = List.copyOf(extraChecks);
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }

    /** Checks against the newest supported Kubernetes version. */
    public CheckOptions(Set<String> disabledCodes, List<ObjectCheck> extraChecks) {
        this(disabledCodes, extraChecks, KubernetesSchema.get().newest());
    }
}
