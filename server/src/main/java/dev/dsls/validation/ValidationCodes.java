package dev.dsls.validation;

/**
 * The diagnostic codes of API validation, API warnings and best practices. Codes are a public
 * interface (README table, --disable, ignore-check annotations): never rename one.
 */
public final class ValidationCodes {
    private ValidationCodes() {
    }

    // Errors the API server reports on create (field.ErrorList).
    public static final String INVALID_NAME = "invalid-name";
    public static final String INVALID_LABEL = "invalid-label";
    public static final String INVALID_ANNOTATION = "invalid-annotation";
    public static final String INVALID_FINALIZER = "invalid-finalizer";
    public static final String INVALID_SELECTOR = "invalid-selector";
    public static final String EMPTY_SELECTOR = "empty-selector";
    public static final String SELECTOR_MISMATCH = "selector-mismatch";
    public static final String RESTART_POLICY = "restart-policy";
    public static final String ACTIVE_DEADLINE_SECONDS = "active-deadline-seconds";
    public static final String EPHEMERAL_CONTAINERS = "ephemeral-containers";
    public static final String NEGATIVE_VALUE = "negative-value";
    public static final String INVALID_UPDATE_STRATEGY = "invalid-update-strategy";
    public static final String INVALID_ROLLING_UPDATE = "invalid-rolling-update";
    public static final String MISSING_CONTAINERS = "missing-containers";
    public static final String MISSING_IMAGE = "missing-image";
    public static final String INVALID_CONTAINER_NAME = "invalid-container-name";
    public static final String DUPLICATE_CONTAINER_NAME = "duplicate-container-name";
    public static final String INVALID_PULL_POLICY = "invalid-pull-policy";
    public static final String INVALID_TERMINATION_MESSAGE_POLICY = "invalid-termination-message-policy";
    public static final String INVALID_PORT = "invalid-port";
    public static final String DUPLICATE_PORT_NAME = "duplicate-port-name";
    public static final String DUPLICATE_HOST_PORT = "duplicate-host-port";
    public static final String INVALID_ENV = "invalid-env";
    /** A field the target version's API server drops because its feature gate is off by default there. */
    public static final String FIELD_DROPPED = "field-dropped";
    public static final String CONTAINER_RESTART_POLICY = "container-restart-policy";
    public static final String INIT_CONTAINER_FIELD = "init-container-field";
    public static final String INVALID_VOLUME_NAME = "invalid-volume-name";
    public static final String MULTIPLE_VOLUME_SOURCES = "multiple-volume-sources";
    public static final String INVALID_VOLUME_SOURCE = "invalid-volume-source";
    public static final String MISSING_VOLUME = "missing-volume";
    public static final String INVALID_VOLUME_MOUNT = "invalid-volume-mount";
    public static final String INVALID_RESOURCES = "invalid-resources";
    public static final String INVALID_TOLERATION = "invalid-toleration";
    public static final String INVALID_NODE_SELECTOR = "invalid-node-selector";
    public static final String INVALID_NODE_AFFINITY = "invalid-node-affinity";
    public static final String INVALID_POD_AFFINITY = "invalid-pod-affinity";
    public static final String INVALID_TOPOLOGY_SPREAD = "invalid-topology-spread";
    public static final String INVALID_PROBE = "invalid-probe";
    public static final String INVALID_LIFECYCLE = "invalid-lifecycle";
    public static final String INVALID_SECURITY_CONTEXT = "invalid-security-context";
    public static final String INVALID_SYSCTL = "invalid-sysctl";
    public static final String INVALID_SECURITY_PROFILE = "invalid-security-profile";
    public static final String INVALID_DNS_POLICY = "invalid-dns-policy";
    public static final String INVALID_DNS_CONFIG = "invalid-dns-config";
    public static final String INVALID_POD_REFERENCE = "invalid-pod-reference";
    public static final String INVALID_HOST_ALIAS = "invalid-host-alias";
    public static final String INVALID_RESIZE_POLICY = "invalid-resize-policy";
    public static final String INVALID_RESOURCE_CLAIM = "invalid-resource-claim";
    public static final String INVALID_SCHEDULING_GATE = "invalid-scheduling-gate";
    public static final String INVALID_POD_OS = "invalid-pod-os";

    // What the API server accepts with a warning (pkg/api/pod/warnings.go).
    public static final String DUPLICATE_PORT = "duplicate-port";
    public static final String HOST_IP_WITHOUT_HOST_PORT = "host-ip-without-host-port";
    public static final String DUPLICATE_ENV = "duplicate-env";
    public static final String FRACTIONAL_BYTES = "fractional-bytes";
    public static final String NEGATIVE_GRACE_PERIOD = "negative-grace-period";
    public static final String DEPRECATED_NODE_LABEL = "deprecated-node-label";
    public static final String DEPRECATED_VOLUME_PLUGIN = "deprecated-volume-plugin";
    public static final String DEPRECATED_ANNOTATION = "deprecated-annotation";
    public static final String NULL_LABEL_SELECTOR = "null-label-selector";
    public static final String DUPLICATE_LIST_ENTRY = "duplicate-list-entry";
}
