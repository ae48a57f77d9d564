package dev.dsls.inventory;

import dev.dsls.schema.Quantity;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler reads of a container: its requests, limits, ports and, for init containers,
 * the restart policy that makes it a sidecar.
 *
 * @param index position in its list, so a finding can point at {@code containers[index]}
 */
public record Container(String name, int index, Map<String, Quantity> requests, Map<String, Quantity> limits,
                        List<ContainerPort> ports, String restartPolicy) {
    public Container {
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
        ports = List.copyOf(ports);
    }

    /** An init container with {@code restartPolicy: Always} keeps running beside the app containers. */
    public boolean isSidecar() {
        return "Always".equals(restartPolicy);
    }

    /**
     * The request the created Pod carries for a resource: the request, or the limit when the request
     * is missing, because SetDefaults_Pod copies limits into missing requests.
     */
    public Quantity effectiveRequest(String resource) {
        Quantity request = requests.get(resource);
        return request != null ? request : limits.get(resource);
    }

    /** True when the effective request for the resource comes from the limit. */
    public boolean requestFromLimit(String resource) {
        return !requests.containsKey(resource) && limits.containsKey(resource);
    }
}
