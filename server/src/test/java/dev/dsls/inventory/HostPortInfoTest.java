package dev.dsls.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dsls.yaml.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler's HostPortInfo and GetHostPorts (placement-semantics 13). */
class HostPortInfoTest {
    private static HostPortInfo held(String ip, String protocol, int port) {
        return new HostPortInfo.Builder().add(new HostPortInfo.HostPort(ip, protocol, port), "ns/holder").build();
    }

    private static HostPortInfo.HostPort want(String ip, String protocol, int port) {
        return HostPortInfo.HostPort.of(new ContainerPort(port, port, ip, protocol));
    }

    @Test
    void aWildcardWantConflictsWithTheSamePortOnAnyIp() {
        assertEquals("ns/holder", held("10.0.0.1", "TCP", 9100).conflict(want("", "", 9100)));
        assertEquals("ns/holder", held("10.0.0.1", "TCP", 9100).conflict(want("0.0.0.0", "TCP", 9100)));
    }

    @Test
    void aSpecificIpConflictsOnlyWithItselfOrTheWildcard() {
        assertEquals("ns/holder", held("0.0.0.0", "TCP", 80).conflict(want("10.0.0.1", "TCP", 80)));
        assertEquals("ns/holder", held("10.0.0.1", "TCP", 80).conflict(want("10.0.0.1", "TCP", 80)));
        assertNull(held("10.0.0.2", "TCP", 80).conflict(want("10.0.0.1", "TCP", 80)));
    }

    @Test
    void protocolsNeverCrossAndDoubleColonIsNotAWildcard() {
        assertNull(held("0.0.0.0", "UDP", 53).conflict(want("", "TCP", 53)));
        assertNull(held("::", "TCP", 53).conflict(want("10.0.0.1", "TCP", 53)));
        assertNull(held("0.0.0.0", "TCP", 53).conflict(want("", "TCP", 54)));
    }

    @Test
    void hostPortsComeFromContainersAndSidecarsAndHostNetworkTurnsContainerPortsIntoHostPorts() {
        PodSpec spec = ObjectDecoder.podSpec(new YamlParser().parse("""
                hostNetwork: true
                initContainers:
                - name: setup
                  ports: [{containerPort: 7000, hostPort: 7000}]
                - name: sidecar
                  restartPolicy: Always
                  ports: [{containerPort: 7001}]
                containers:
                - name: app
                  ports: [{containerPort: 9100}, {containerPort: 53, protocol: UDP}]
                """).documents().get(0).rootMap());
        List<String> ports = HostPortInfo.hostPorts(spec).stream().map(use -> use.port() + " " + use.path()).toList();
        assertEquals(List.of("0.0.0.0:9100/TCP containers[0].ports[0]", "0.0.0.0:53/UDP containers[0].ports[1]",
                "0.0.0.0:7001/TCP initContainers[1].ports[0]"), ports);
    }

    @Test
    void withoutHostNetworkOnlyDeclaredHostPortsCount() {
        PodSpec spec = ObjectDecoder.podSpec(new YamlParser().parse("""
                containers:
                - ports: [{containerPort: 9100}, {containerPort: 8080, hostPort: 18080, hostIP: 127.0.0.1}]
                """).documents().get(0).rootMap());
        assertEquals(List.of(new HostPortInfo.HostPort("127.0.0.1", "TCP", 18080)),
                HostPortInfo.hostPorts(spec).stream().map(HostPortInfo.PortUse::port).toList());
    }
}
