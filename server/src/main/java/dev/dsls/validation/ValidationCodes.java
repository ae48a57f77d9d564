package dev.dsls.validation;

/**
 * The diagnostic codes of API validation, API warnings and best practices. Codes are a public
 * interface (README table, --disable, ignore-check annotations): never rename one.
 */
final class ValidationCodes {
    private ValidationCodes() {
    }

    // Errors the API server reports on create (field.ErrorList).
    static final String INVALID_NAME = "invalid-name";
    static final String INVALID_LABEL = "invalid-label";
    static final String INVALID_ANNOTATION = "invalid-annotation";
    static final String INVALID_FINALIZER = "invalid-finalizer";
    static final String INVALID_SELECTOR = "invalid-selector";
    static final String EMPTY_SELECTOR = "empty-selector";
    static final String SELECTOR_MISMATCH = "selector-mismatch";
    static final String RESTART_POLICY = "restart-policy";
    static final String ACTIVE_DEADLINE_SECONDS = "active-deadline-seconds";
    static final String EPHEMERAL_CONTAINERS = "ephemeral-containers";
    static final String NEGATIVE_VALUE = "negative-value";
    static final String INVALID_UPDATE_STRATEGY = "invalid-update-strategy";
    static final String INVALID_ROLLING_UPDATE = "invalid-rolling-update";
    static final String MISSING_CONTAINERS = "missing-containers";
    static final String MISSING_IMAGE = "missing-image";
    static final String INVALID_CONTAINER_NAME = "invalid-container-name";
    static final String DUPLICATE_CONTAINER_NAME = "duplicate-container-name";
    static final String INVALID_PULL_POLICY = "invalid-pull-policy";
    static final String INVALID_TERMINATION_MESSAGE_POLICY = "invalid-termination-message-policy";
    static final String INVALID_PORT = "invalid-port";
    static final String DUPLICATE_PORT_NAME = "duplicate-port-name";
    static final String DUPLICATE_HOST_PORT = "duplicate-host-port";
    static final String INVALID_ENV = "invalid-env";
    static final String CONTAINER_RESTART_POLICY = "container-restart-policy";
    static final String INIT_CONTAINER_FIELD = "init-container-field";
    static final String INVALID_VOLUME_NAME = "invalid-volume-name";
    static final String MULTIPLE_VOLUME_SOURCES = "multiple-volume-sources";
    static final String INVALID_VOLUME_SOURCE = "invalid-volume-source";
    static final String MISSING_VOLUME = "missing-volume";
    static final String INVALID_VOLUME_MOUNT = "invalid-volume-mount";
    static final String INVALID_RESOURCES = "invalid-resources";
    static final String INVALID_TOLERATION = "invalid-toleration";
    static final String INVALID_NODE_SELECTOR = "invalid-node-selector";
    static final String INVALID_NODE_AFFINITY = "invalid-node-affinity";
    static final String INVALID_POD_AFFINITY = "invalid-pod-affinity";
    static final String INVALID_TOPOLOGY_SPREAD = "invalid-topology-spread";
    static final String INVALID_PROBE = "invalid-probe";
    static final String INVALID_LIFECYCLE = "invalid-lifecycle";
    static final String INVALID_SECURITY_CONTEXT = "invalid-security-context";
    static final String INVALID_SYSCTL = "invalid-sysctl";
    static final String INVALID_SECURITY_PROFILE = "invalid-security-profile";
    static final String INVALID_DNS_POLICY = "invalid-dns-policy";
    static final String INVALID_DNS_CONFIG = "invalid-dns-config";
    static final String INVALID_POD_REFERENCE = "invalid-pod-reference";
    static final String INVALID_HOST_ALIAS = "invalid-host-alias";

    // What the API server accepts with a warning (pkg/api/pod/warnings.go).
    static final String DUPLICATE_PORT = "duplicate-port";
    static final String HOST_IP_WITHOUT_HOST_PORT = "host-ip-without-host-port";
    static final String DUPLICATE_ENV = "duplicate-env";
    static final String FRACTIONAL_BYTES = "fractional-bytes";
    static final String NEGATIVE_GRACE_PERIOD = "negative-grace-period";
    static final String DEPRECATED_NODE_LABEL = "deprecated-node-label";
    static final String DEPRECATED_VOLUME_PLUGIN = "deprecated-volume-plugin";
    static final String DEPRECATED_ANNOTATION = "deprecated-annotation";
    static final String NULL_LABEL_SELECTOR = "null-label-selector";
    static final String DUPLICATE_LIST_ENTRY = "duplicate-list-entry";
}
