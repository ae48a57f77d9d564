package dev.dsls.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YamlParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** component-helpers resource.PodRequests, rule by rule (placement-semantics 15 and 16). */
class PodRequestsTest {
    private static PodRequests.Breakdown requests(String podSpecYaml) {
        YMap spec = new YamlParser().parse(podSpecYaml).documents().get(0).rootMap();
        return PodRequests.compute(ObjectDecoder.podSpec(spec));
    }

    @Test
    void containersAreSummed() {
        Resources total = requests("""
                containers:
                - resources: {requests: {cpu: 100m, memory: 64Mi}}
                - resources: {requests: {cpu: "0.5", memory: 1G}}
                """).total();
        assertEquals(600, total.milliCpu());
        assertEquals((64L << 20) + 1_000_000_000L, total.memory());
    }

    @Test
    void regularInitContainersAreAFloorNotASum() {
        Resources total = requests("""
                initContainers:
                - resources: {requests: {cpu: 700m}}
                - resources: {requests: {cpu: 300m}}
                containers:
                - resources: {requests: {cpu: 500m}}
                """).total();
        assertEquals(700, total.milliCpu(), "max(sum(containers)=500m, max(init)=700m)");
    }

    @Test
    void aSidecarBeforeAnInitContainerRaisesItsFootprint() {
        String before = """
                initContainers:
                - restartPolicy: Always
                  resources: {requests: {cpu: 300m}}
                - resources: {requests: {cpu: 600m}}
                containers:
                - resources: {requests: {cpu: 500m}}
                """;
        assertEquals(900, requests(before).total().milliCpu(), "the 600m init starts beside the 300m sidecar");
        String after = """
                initContainers:
                - resources: {requests: {cpu: 600m}}
                - restartPolicy: Always
                  resources: {requests: {cpu: 300m}}
                containers:
                - resources: {requests: {cpu: 500m}}
                """;
        assertEquals(800, requests(after).total().milliCpu(), "500m containers + 300m sidecar");
    }

    @Test
    void limitsStandInForMissingRequests() {
        PodRequests.Breakdown breakdown = requests("""
                containers:
                - resources: {limits: {cpu: "2", memory: 1Gi}, requests: {memory: 512Mi}}
                """);
        assertEquals(2000, breakdown.total().milliCpu());
        assertEquals(512L << 20, breakdown.total().memory());
        assertEquals("containers[0].resources.limits[cpu]", breakdown.sources().get("cpu"));
        assertEquals("containers[0].resources.requests[memory]", breakdown.sources().get("memory"));
    }

    @Test
    void podLevelRequestsReplaceTheAggregateForCpuMemoryAndHugepagesOnly() {
        PodRequests.Breakdown breakdown = requests("""
                resources: {requests: {cpu: "1", ephemeral-storage: 1Gi}}
                containers:
                - resources: {requests: {cpu: 200m, memory: 100Mi, ephemeral-storage: 2Gi}}
                """);
        assertEquals(1000, breakdown.total().milliCpu());
        assertEquals(100L << 20, breakdown.total().memory());
        assertEquals(2L << 30, breakdown.total().ephemeralStorage(), "pod-level ephemeral-storage is not supported");
        assertEquals("resources.requests.cpu", breakdown.sources().get("cpu"));
    }

    @Test
    void overheadIsAddedOnTop() {
        Resources total = requests("""
                overhead: {cpu: 250m, memory: 120Mi}
                resources: {requests: {cpu: "1"}}
                containers:
                - resources: {requests: {cpu: 100m}}
                """).total();
        assertEquals(1250, total.milliCpu());
        assertEquals(120L << 20, total.memory());
    }

    @Test
    void scalarResourcesAreCountedAndUnknownNativeNamesIgnored() {
        Resources total = requests("""
                containers:
                - resources: {limits: {nvidia.com/gpu: "1", hugepages-2Mi: 4Mi, storage: 1Gi}}
                """).total();
        assertEquals(1, total.get("nvidia.com/gpu"));
        assertEquals(4L << 20, total.get("hugepages-2Mi"));
        assertEquals(0, total.get("storage"));
        assertEquals(false, total.isZero());
    }

    @Test
    void cpuRoundsUpToWholeMillicoresAndFormatsReadably() {
        assertEquals(1, requests("containers:\n- resources: {requests: {cpu: 100u}}\n").total().milliCpu());
        assertEquals("500m", Resources.format("cpu", 500));
        assertEquals("2", Resources.format("cpu", 2000));
        assertEquals("16Gi", Resources.format("memory", 16L << 30));
        assertEquals("1000000000", Resources.format("memory", 1_000_000_000L));
    }

    @Test
    @DisplayName("computePodResourceRequest: resource.Quantity sums exactly, SetMaxResource rounds once")
    void quantitiesAreSummedExactlyAndRoundedOnce() {
        Resources total = requests("""
                containers:
                - resources: {requests: {cpu: 250.5m, memory: "1.5"}}
                - resources: {requests: {cpu: 250.5m, memory: "1.5"}}
                """).total();
        assertEquals(501, total.milliCpu(), "250.5m + 250.5m = 501m, not 251m + 251m");
        assertEquals(3, total.memory(), "1.5 + 1.5 bytes = 3, not 2 + 2");
    }

    @Test
    @DisplayName("computePodResourceRequest: init container floors compare exact amounts too")
    void initFloorsAreExact() {
        Resources total = requests("""
                initContainers:
                - resources: {requests: {cpu: 500.4m}}
                containers:
                - resources: {requests: {cpu: 250.3m}}
                - resources: {requests: {cpu: 250.3m}}
                """).total();
        assertEquals(501, total.milliCpu(), "max(500.6m, 500.4m) rounded up once");
    }

    @Test
    @DisplayName("SetDefaults_Pod defaultPodRequests: pod-level limits stand in for missing pod-level requests")
    void podLevelLimitsDefaultMissingPodLevelRequests() {
        PodRequests.Breakdown breakdown = requests("""
                resources: {limits: {cpu: "2", memory: 1Gi}}
                containers:
                - resources: {requests: {memory: 100Mi}}
                """);
        assertEquals(2000, breakdown.total().milliCpu(), "no container asks for cpu: the pod-level limit is the request");
        assertEquals(100L << 20, breakdown.total().memory(), "memory defaults to the containers' aggregate request");
        assertEquals("resources.limits.cpu", breakdown.sources().get("cpu"));
        assertEquals("containers[0].resources.requests[memory]", breakdown.sources().get("memory"));
    }

    @Test
    @DisplayName("SetDefaults_Pod defaultPodRequests: an explicit pod-level request wins over the limit")
    void explicitPodLevelRequestsWin() {
        PodRequests.Breakdown breakdown = requests("""
                resources: {requests: {cpu: 500m}, limits: {cpu: "2"}}
                containers:
                - resources: {requests: {cpu: 100m}}
                """);
        assertEquals(500, breakdown.total().milliCpu());
        assertEquals("resources.requests.cpu", breakdown.sources().get("cpu"));
    }

    @Test
    @DisplayName("SetDefaults_Pod defaultHugePagePodLimits: container huge page limits become the pod's")
    void hugePagePodLimitsAreDefaultedFromTheContainers() {
        PodRequests.Breakdown breakdown = requests("""
                resources: {requests: {cpu: "1"}}
                containers:
                - resources: {limits: {hugepages-2Mi: 4Mi, memory: 64Mi}}
                """);
        assertEquals(1000, breakdown.total().milliCpu());
        assertEquals(4L << 20, breakdown.total().get("hugepages-2Mi"));
        assertEquals("containers[0].resources.limits[hugepages-2Mi]", breakdown.sources().get("hugepages-2Mi"));
    }
}
