package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R80-R84: ValidateResourceRequirements. */
class ResourceValidationTest {
    @Test
    void requestsMayNotExceedLimitsComparedByValue() {
        assertApi(withContainer("resources:\n  requests: {memory: 1Gi, cpu: 500m}\n  limits: {memory: 512Mi, cpu: 1}"),
                "1Gi|spec.template.spec.containers[0].resources.requests|Invalid|Invalid value: \"1Gi\": must be less"
                        + " than or equal to memory limit of 512Mi. Lower the request or raise the limit to at least"
                        + " 1Gi.");
        assertAccepted(withContainer("resources:\n  requests: {memory: 512Mi, cpu: 1000m}\n  limits: {memory: 0.5Gi,"
                + " cpu: 1}"));
    }

    @Test
    @DisplayName("validateContainerResourceName: core.ResourceName is a fmt.Stringer, printed unquoted")
    void unprefixedResourcesMustBeStandard() {
        assertApi(withContainer("resources:\n  limits: {gpu: 1}"),
                "gpu|spec.template.spec.containers[0].resources.limits[gpu]|Invalid|Invalid value: gpu: must be a"
                        + " standard resource type or fully qualified...",
                "gpu|spec.template.spec.containers[0].resources.limits[gpu]|Invalid|Invalid value: gpu: must be a"
                        + " standard resource for containers...");
        assertApi(withContainer("resources:\n  requests: {storage: 1Gi}"),
                "storage|spec.template.spec.containers[0].resources.requests[storage]|Invalid|Invalid value:"
                        + " storage: must be a standard resource for containers...");
    }

    @Test
    void extendedResourcesAreWholeAndNotOvercommitted() {
        assertApi(withContainer("resources:\n  requests: {nvidia.com/gpu: 1}"),
                "resources|spec.template.spec.containers[0].resources.limits|Required|Required value: Limit must be"
                        + " set for non overcommitable resources. Add limits.nvidia.com/gpu: 1 (equal to the request).");
        assertApi(withContainer("resources:\n  limits: {nvidia.com/gpu: 2}\n  requests: {nvidia.com/gpu: 1}"),
                "1|spec.template.spec.containers[0].resources.requests|Invalid|Invalid value: \"1\": must be equal to"
                        + " nvidia.com/gpu limit of 2...");
        assertApi(withContainer("resources:\n  limits: {nvidia.com/gpu: 500m}"),
                "500m|spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]|Invalid|Invalid value: 500m:"
                        + " must be an integer...");
        assertAccepted(withContainer("resources:\n  limits: {nvidia.com/gpu: 1}"));
    }

    @Test
    void quantitiesMustNotBeNegative() {
        assertApi(withContainer("resources:\n  requests: {cpu: -100m}"),
                "-100m|spec.template.spec.containers[0].resources.requests[cpu]|Invalid|Invalid value: \"-100m\": must"
                        + " be greater than or equal to 0...");
    }

    @Test
    void hugePagesNeedCpuOrMemory() {
        assertApi(withContainer("resources:\n  limits: {hugepages-2Mi: 100Mi}\n  requests: {hugepages-2Mi: 100Mi}"),
                "resources|spec.template.spec.containers[0].resources|Forbidden|Forbidden: HugePages require cpu or"
                        + " memory...");
    }

    @Test
    void malformedQuantitiesFailToDecodeOnly() {
        assertApi(withContainer("resources:\n  limits: {memory: 512MB}"),
                "512MB|spec.template.spec.containers[0].resources.limits[memory]|Decode|quantities must match the"
                        + " regular expression...");
    }

    @Test
    @DisplayName("validateResourceQuantityHugePageValue: huge pages come in whole pages")
    void hugePagesAreWholePages() {
        assertApi(withContainer("resources:\n  limits: {hugepages-2Mi: 3Mi, memory: 1Gi}\n  requests: {hugepages-2Mi:"
                        + " 3Mi, memory: 1Gi}"),
                "3Mi|spec.template.spec.containers[0].resources.limits[hugepages-2Mi]|Invalid|Invalid value: \"3Mi\":"
                        + " 3Mi is not positive integer multiple of hugepages-2Mi...",
                "3Mi|spec.template.spec.containers[0].resources.requests[hugepages-2Mi]|Invalid|Invalid value: \"3Mi\":"
                        + " 3Mi is not positive integer multiple of hugepages-2Mi...");
        assertAccepted(withContainer("resources:\n  limits: {hugepages-2Mi: 4Mi, memory: 1Gi}"));
    }

    @Test
    @DisplayName("validateResourceClaimNames and validatePodResourceClaims: container claims name pod claims")
    void resourceClaims() {
        assertApi(daemonSet("", """
                resourceClaims:
                - {name: gpu, resourceClaimTemplateName: gpu-template}
                - {resourceClaimTemplateName: nic-template}
                """, """
                resources:
                  claims:
                  - {name: gpu}
                  - {name: gpu}
                  - {name: nic}
                """),
                "{resourceClaimTemplateName: nic-template}|spec.template.spec.resourceClaims[1].name|Required|Required"
                        + " value...",
                "gpu|spec.template.spec.containers[0].resources.claims[1]|Duplicate|Duplicate value: \"gpu\"...",
                "nic|spec.template.spec.containers[0].resources.claims[2]|NotFound|Not found: \"nic\": must be one of"
                        + " the names in pod.spec.resourceClaims: gpu...");
        assertApi(withContainer("resources:\n  claims: [{name: gpu}]"),
                "gpu|spec.template.spec.containers[0].resources.claims[0]|NotFound|Not found: \"gpu\": must be one of"
                        + " the names in pod.spec.resourceClaims which is empty...");
        assertAccepted(daemonSet("", "resourceClaims:\n- {name: gpu, resourceClaimTemplateName: gpu-template}",
                "resources:\n  claims: [{name: gpu}]"));
    }

    @Test
    @DisplayName("validatePodResourceClaim: exactly one of resourceClaimName and resourceClaimTemplateName")
    void podResourceClaimSources() {
        assertApi(withPodSpec("""
                resourceClaims:
                - {name: gpu}
                - {name: Nic, resourceClaimName: nic, resourceClaimTemplateName: nic-template}
                """),
                "{name: gpu}|spec.template.spec.resourceClaims[0]|Invalid|Invalid value: core.PodResourceClaim{Name:"
                        + "\"gpu\", ResourceClaimName:(*string)(nil), ResourceClaimTemplateName:(*string)(nil)}: must"
                        + " specify one of: `resourceClaimName`, `resourceClaimTemplateName`...",
                "{name: Nic, resourceClaimName: nic, resourceClaimTemplateName: nic-template}|spec.template.spec"
                        + ".resourceClaims[1]|Invalid|Invalid value: core.PodResourceClaim{Name:\"Nic\","
                        + " ResourceClaimName:(*string)(0x...), ResourceClaimTemplateName:(*string)(0x...)}: at most"
                        + " one of `resourceClaimName` or `resourceClaimTemplateName` may be specified...",
                "Nic|spec.template.spec.resourceClaims[1].name|Invalid|Invalid value: \"Nic\": a lowercase RFC 1123"
                        + " label...");
    }

    @Test
    @DisplayName("validateOverhead: the overhead is checked as limits, printed at overhead.limits")
    void overhead() {
        assertApi(withPodSpec("overhead: {cpu: 100m, memory: -1Mi, nvidia.com/gpu: 500m}"),
                "-1Mi|spec.template.spec.overhead.limits[memory]|Invalid|Invalid value: \"-1Mi\": must be greater than"
                        + " or equal to 0...",
                "500m|spec.template.spec.overhead.limits[nvidia.com/gpu]|Invalid|Invalid value: 500m: must be an"
                        + " integer...");
        assertAccepted(withPodSpec("overhead: {cpu: 250m, memory: 120Mi}"));
    }

    @Test
    @DisplayName("validatePodResources and validatePodResourceConsistency: pod-level resources (PodLevelResources)")
    void podLevelResources() {
        assertApi(daemonSet("", """
                resources:
                  requests: {cpu: 100m, ephemeral-storage: 1Gi}
                  limits: {memory: 256Mi}
                """, """
                resources:
                  requests: {cpu: 200m}
                  limits: {memory: 512Mi}
                """),
                "100m|spec.template.spec.resources.requests[cpu]|Invalid|Invalid value: \"100m\": must be greater than"
                        + " or equal to aggregate container requests of 200m...",
                "ephemeral-storage|spec.template.spec.resources.requests[ephemeral-storage]|NotSupported|Unsupported"
                        + " value: ephemeral-storage: supported values: \"cpu\", \"hugepages-\", \"memory\"...",
                "512Mi|spec.template.spec.resources.containers[0][memory].limits|Invalid|Invalid value: \"512Mi\":"
                        + " must be less than or equal to pod limits of 256Mi...");
        assertAccepted(daemonSet("", "resources:\n  limits: {cpu: \"1\", memory: 1Gi}",
                "resources:\n  requests: {cpu: 200m, memory: 256Mi}"));
    }
}
