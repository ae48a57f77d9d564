package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.withContainer;

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
    void unprefixedResourcesMustBeStandard() {
        assertApi(withContainer("resources:\n  limits: {gpu: 1}"),
                "gpu|spec.template.spec.containers[0].resources.limits[gpu]|Invalid|Invalid value: \"gpu\": must be a"
                        + " standard resource type or fully qualified...",
                "gpu|spec.template.spec.containers[0].resources.limits[gpu]|Invalid|Invalid value: \"gpu\": must be a"
                        + " standard resource for containers...");
        assertApi(withContainer("resources:\n  requests: {storage: 1Gi}"),
                "storage|spec.template.spec.containers[0].resources.requests[storage]|Invalid|Invalid value:"
                        + " \"storage\": must be a standard resource for containers...");
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
}
