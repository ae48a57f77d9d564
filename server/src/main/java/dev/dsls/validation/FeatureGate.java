package dev.dsls.validation;

/**
 * The feature gates whose default changed between the Kubernetes minors dsls targets and that change
 * what the API server accepts or keeps of a DaemonSet's pod template. Each names the minor in which it
 * became on by default (pkg/features/kube_features.go, defaultVersionedKubernetesFeatureGates);
 * {@link #NEVER} for one still off by default in the newest. Where each is read: docs/kubernetes-versions.md.
 */
public enum FeatureGate {
    RELAXED_ENVIRONMENT_VARIABLE_VALIDATION("RelaxedEnvironmentVariableValidation", 32),
    POD_LIFECYCLE_SLEEP_ACTION_ALLOW_ZERO("PodLifecycleSleepActionAllowZero", 33),
    RELAXED_DNS_SEARCH_VALIDATION("RelaxedDNSSearchValidation", 33),
    IN_PLACE_POD_VERTICAL_SCALING("InPlacePodVerticalScaling", 33),
    USER_NAMESPACES_SUPPORT("UserNamespacesSupport", 33),
    SUPPLEMENTAL_GROUPS_POLICY("SupplementalGroupsPolicy", 33),
    SE_LINUX_CHANGE_POLICY("SELinuxChangePolicy", 33),
    POD_LEVEL_RESOURCES("PodLevelResources", 34),
    DYNAMIC_RESOURCE_ALLOCATION("DynamicResourceAllocation", 34),
    IMAGE_VOLUME("ImageVolume", 35),
    HOSTNAME_OVERRIDE("HostnameOverride", 35),
    ENV_FILES("EnvFiles", 35),
    CONTAINER_RESTART_RULES("ContainerRestartRules", 35),
    CONTAINER_STOP_SIGNALS("ContainerStopSignals", FeatureGate.NEVER);

    /** The minor of a gate that no supported version turns on by default. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final String upstreamName;
    private final int onByDefaultSince;

    FeatureGate(String upstreamName, int onByDefaultSince) {
        this.upstreamName = upstreamName;
        this.onByDefaultSince = onByDefaultSince;
    }

    /** The gate as kube-apiserver's --feature-gates names it. */
    public String upstreamName() {
        return upstreamName;
    }

    /** The 1.x minor from which the gate is on by default, or {@link #NEVER}. */
    public int onByDefaultSince() {
        return onByDefaultSince;
    }
}
