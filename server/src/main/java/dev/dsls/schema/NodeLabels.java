package dev.dsls.schema;

import java.util.List;
import java.util.Map;

/** What Kubernetes says about node label keys: which are deprecated, and which the node's machine or cloud sets. */
public final class NodeLabels {
    /** Deprecated node labels and the API server's warning for each (pkg/api/pod/warnings.go). */
    public static final Map<String, String> DEPRECATED = Map.of(
            "beta.kubernetes.io/arch", "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
            "beta.kubernetes.io/os", "deprecated since v1.14; use \"kubernetes.io/os\" instead",
            "failure-domain.beta.kubernetes.io/region",
            "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
            "failure-domain.beta.kubernetes.io/zone",
            "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
            "beta.kubernetes.io/instance-type",
            "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead");

    /**
     * Labels the kubelet sets from the machine or the cloud sets from where the node runs: relabelling a
     * node there would not make a pod fit (an arm64 node stays arm64). node-role.kubernetes.io/* is the
     * operator's choice and not among them.
     */
    private static final List<String> WELL_KNOWN_PREFIXES = List.of("kubernetes.io/os", "kubernetes.io/arch",
            "kubernetes.io/hostname", "beta.kubernetes.io/", "topology.kubernetes.io/", "failure-domain.beta.kubernetes.io/",
            "node.kubernetes.io/instance-type", "topology.k8s.aws/", "cloud.google.com/", "kubernetes.azure.com/");

    private NodeLabels() {
    }

    /** True for a label the node's machine or cloud decides, which no one should set by hand. */
    public static boolean isWellKnown(String key) {
        return WELL_KNOWN_PREFIXES.stream().anyMatch(prefix -> prefix.endsWith("/") ? key.startsWith(prefix) : key.equals(prefix));
    }
}
