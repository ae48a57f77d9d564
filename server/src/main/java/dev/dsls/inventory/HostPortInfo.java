package dev.dsls.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host ports in use on a node (the scheduler's HostPortInfo): per protocol and port, the IPs
 * bound and which pod holds each. Immutable once built.
 */
public final class HostPortInfo {
    public static final String WILDCARD_IP = "0.0.0.0";
    public static final HostPortInfo EMPTY = new HostPortInfo(Map.of());

    /** One port a pod wants or holds, with upstream's defaults applied (empty IP = 0.0.0.0, empty protocol = TCP). */
    public record HostPort(String ip, String protocol, int port) {
        public static HostPort of(ContainerPort port) {
            return new HostPort(port.hostIP().isEmpty() ? WILDCARD_IP : port.hostIP(),
                    port.protocol().isEmpty() ? "TCP" : port.protocol(), port.hostPort());
        }

        @Override
        public String toString() {
            return ip + ":" + port + "/" + protocol;
        }
    }

    // "TCP/9100" -> ip -> holder ("namespace/name" of the pod)
    private final Map<String, Map<String, String>> byProtocolPort;
    /** The ports held before a further pod's were added ({@link #with}), or null. */
    private final HostPortInfo before;

    private HostPortInfo(Map<String, Map<String, String>> byProtocolPort) {
        this(byProtocolPort, null);
    }

    private HostPortInfo(Map<String, Map<String, String>> byProtocolPort, HostPortInfo before) {
        this.byProtocolPort = byProtocolPort;
        this.before = before;
    }

    /**
     * The host ports a pod uses (scheduler util GetHostPorts): ports with hostPort > 0 of the
     * containers and of sidecar init containers; regular init containers have exited before the pod runs.
     */
    public static List<PortUse> hostPorts(PodSpec spec) {
        List<PortUse> ports = new ArrayList<>();
        collect(spec.containers(), "containers", spec.hostNetwork(), false, ports);
        collect(spec.initContainers(), "initContainers", spec.hostNetwork(), true, ports);
        return ports;
    }

    /** A used host port and where it is declared (relative to the pod spec). */
    public record PortUse(HostPort port, String path) {
    }

    private static void collect(List<Container> containers, String list, boolean hostNetwork, boolean onlySidecars,
                                List<PortUse> into) {
        for (Container container : containers) {
            if (onlySidecars && !container.isSidecar()) {
                continue;
            }
            for (int i = 0; i < container.ports().size(); i++) {
                ContainerPort port = container.ports().get(i);
                int hostPort = port.hostPort();
                if (hostPort == 0 && hostNetwork) {
                    // SetDefaults_Pod: with hostNetwork, the created Pod's hostPort is its containerPort.
                    hostPort = port.containerPort();
                }
                if (hostPort > 0) {
                    ContainerPort effective = new ContainerPort(port.containerPort(), hostPort, port.hostIP(), port.protocol());
                    into.add(new PortUse(HostPort.of(effective), list + "[" + container.index() + "].ports[" + i + "]"));
                }
            }
        }
    }

    /**
     * The holder of a port that conflicts with the wanted one, or null (HostPortInfo.CheckConflict): a
     * wanted 0.0.0.0 conflicts with the same protocol and port on any IP; a specific IP conflicts with
     * itself and with 0.0.0.0. "::" is not a wildcard.
     */
    public String conflict(HostPort wanted) {
        String earlier = before == null ? null : before.conflict(wanted);
        if (earlier != null) {
            return earlier;
        }
        Map<String, String> ips = byProtocolPort.get(wanted.protocol() + "/" + wanted.port());
        if (ips == null) {
            return null;
        }
        if (WILDCARD_IP.equals(wanted.ip())) {
            return ips.values().iterator().next();
        }
        String holder = ips.get(wanted.ip());
        return holder != null ? holder : ips.get(WILDCARD_IP);
    }

    public boolean isEmpty() {
        return byProtocolPort.isEmpty() && (before == null || before.isEmpty());
    }

    /** These ports plus the ones a further pod holds, sharing these rather than copying them. */
    public HostPortInfo with(List<PortUse> ports, String holder) {
        if (ports.isEmpty()) {
            return this;
        }
        Builder added = new Builder();
        ports.forEach(use -> added.add(use.port(), holder));
        return new HostPortInfo(added.build().byProtocolPort, this);
    }

    /** Collects the ports of the pods on one node. */
    public static final class Builder {
        private final Map<String, Map<String, String>> byProtocolPort = new HashMap<>();

        public Builder add(HostPort port, String holder) {
            byProtocolPort.computeIfAbsent(port.protocol() + "/" + port.port(), key -> new LinkedHashMap<>())
                    .putIfAbsent(port.ip(), holder);
            return this;
        }

        public HostPortInfo build() {
            if (byProtocolPort.isEmpty()) {
                return EMPTY;
            }
            Map<String, Map<String, String>> frozen = new HashMap<>();
            byProtocolPort.forEach((key, ips) -> frozen.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(ips))));
            return new HostPortInfo(Collections.unmodifiableMap(frozen));
        }
    }
}
