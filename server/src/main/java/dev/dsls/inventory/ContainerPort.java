package dev.dsls.inventory;

/**
 * A container port as the scheduler sees it. {@code hostIP} and {@code protocol} keep their written
 * form; {@link HostPortInfo} applies the defaults (0.0.0.0, TCP) as upstream's sanitize does.
 */
public record ContainerPort(int containerPort, int hostPort, String hostIP, String protocol) {
    public ContainerPort {
        hostIP = hostIP == null ? "" : hostIP;
        protocol = protocol == null ? "" : protocol;
    }
}
