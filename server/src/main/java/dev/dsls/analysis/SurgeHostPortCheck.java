package dev.dsls.analysis;

import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.HostPortInfo;
import dev.dsls.scheduling.CompiledDaemonSet;
import dev.dsls.scheduling.RolloutPreview;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.YamlPath;

/**
 * A rolling update that surges while the pod holds a host port (kubernetes/kubernetes#106417): the new
 * pod starts beside the old one on the same node, the scheduler's NodePorts filter finds the port
 * taken, and the new pod stays Pending while the old one waits for it to become available.
 */
final class SurgeHostPortCheck implements ObjectCheck {
    static final String SURGE_HOST_PORT = "surge-host-port";
    private static final YamlPath MAX_SURGE = YamlPath.parse("spec.updateStrategy.rollingUpdate.maxSurge");

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        CompiledDaemonSet compiled = CompiledDaemonSet.of(daemonSet);
        HostPortInfo.PortUse port = RolloutPreview.surgeBlockedBy(compiled);
        if (port == null) {
            return;
        }
        sink.report(Severity.WARNING, SURGE_HOST_PORT, daemonSet.rangeOf(MAX_SURGE, true), String.format("maxSurge"
                + " %s with host port %s: the surge pod cannot bind the port its predecessor holds on the same node, so"
                + " it stays Pending and the update never progresses. Set maxSurge: 0 and roll with maxUnavailable.",
                compiled.maxSurge().value(), port.port().port() + "/" + port.port().protocol()));
    }
}
