package dev.dsls.benchmarks;

import java.util.Random;

/**
 * Seeded, realistic manifests for benchmarks: node agents as real projects ship them (log shippers,
 * exporters, CNI and device plugins), mixed with the ConfigMaps and Services that travel with them.
 */
public final class ManifestGenerator {
    private static final String[] AGENTS = {"fluent-bit", "node-exporter", "calico-node", "kube-proxy",
        "nvidia-device-plugin", "datadog-agent", "falco", "csi-node"};
    private static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};


    private final Random random;

    public ManifestGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** One DaemonSet of about 120 lines with the fields a production node agent carries. */
    public String daemonSet(int index) {
        String name = AGENTS[index % AGENTS.length] + (index < AGENTS.length ? "" : "-" + index);
        int port = 9100 + random.nextInt(800);
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: kube-system\n  labels:\n    app.kubernetes.io/name: ").append(name)
                .append("\n    app.kubernetes.io/part-of: observability\n  annotations:\n    description: \"node agent ")
                .append(index).append("\"\nspec:\n  revisionHistoryLimit: 10\n  minReadySeconds: ").append(random.nextInt(30))
                .append("\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: ")
                .append(random.nextBoolean() ? "1" : "\"10%\"")
                .append("\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name)
                .append("\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(name)
                .append("\n      annotations:\n        prometheus.io/scrape: \"true\"\n        prometheus.io/port: \"")
                .append(port).append("\"\n    spec:\n      priorityClassName: system-node-critical\n")
                .append("      serviceAccountName: ").append(name).append("\n      hostNetwork: true\n")
                .append("      dnsPolicy: ClusterFirstWithHostNet\n      terminationGracePeriodSeconds: 30\n")
                .append("      nodeSelector:\n        kubernetes.io/os: linux\n")
                .append("      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n")
                .append("            nodeSelectorTerms:\n            - matchExpressions:\n")
                .append("              - key: topology.kubernetes.io/zone\n                operator: In\n                values:\n");
        for (String zone : ZONES) {
            y.append("                - ").append(zone).append('\n');
        }
        y.append("              - key: node.kubernetes.io/instance-type\n                operator: NotIn\n")
                .append("                values: [t3.nano, t3.micro]\n")
                .append("      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n")
                .append("        operator: Exists\n        effect: NoSchedule\n      - key: dedicated\n")
                .append("        operator: Equal\n        value: gpu\n        effect: NoSchedule\n")
                .append("      securityContext:\n        runAsNonRoot: true\n        runAsUser: 65534\n")
                .append("        seccompProfile:\n          type: RuntimeDefault\n")
                .append("      containers:\n      - name: ").append(AGENTS[index % AGENTS.length])
                .append("\n        image: registry.example.com/").append(AGENTS[index % AGENTS.length]).append(":v1.")
                .append(random.nextInt(20)).append('.').append(random.nextInt(10))
                .append("\n        imagePullPolicy: IfNotPresent\n        args:\n        - --port=").append(port)
                .append("\n        - --log-level=info\n        ports:\n        - name: metrics\n          containerPort: ")
                .append(port).append("\n          hostPort: ").append(port).append("\n          protocol: TCP\n")
                .append("        env:\n        - name: NODE_NAME\n          valueFrom:\n            fieldRef:\n")
                .append("              fieldPath: spec.nodeName\n        - name: LOG_LEVEL\n          value: \"info\"\n")
                .append("        resources:\n          requests:\n            cpu: ").append(50 + random.nextInt(200))
                .append("m\n            memory: ").append(64 + random.nextInt(192)).append("Mi\n          limits:\n")
                .append("            memory: 512Mi\n        readinessProbe:\n          httpGet:\n            path: /ready\n")
                .append("            port: ").append(port).append("\n          periodSeconds: 10\n")
                .append("        livenessProbe:\n          httpGet:\n            path: /healthz\n            port: ")
                .append(port).append("\n          initialDelaySeconds: 10\n        securityContext:\n")
                .append("          allowPrivilegeEscalation: false\n          readOnlyRootFilesystem: true\n")
                .append("          capabilities:\n            drop: [ALL]\n        volumeMounts:\n")
                .append("        - name: varlog\n          mountPath: /var/log\n          readOnly: true\n")
                .append("        - name: config\n          mountPath: /etc/agent\n      volumes:\n")
                .append("      - name: varlog\n        hostPath:\n          path: /var/log\n          type: Directory\n")
                .append("      - name: config\n        configMap:\n          name: ").append(name).append("-config\n");
        return y.toString();
    }

    private String configMap(int index) {
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: agent-config-")
                .append(index).append("\n  namespace: kube-system\ndata:\n");
        for (int i = 0; i < 6 + random.nextInt(6); i++) {
            y.append("  key").append(i).append(": \"value-").append(random.nextInt(1000)).append("\"\n");
        }
        return y.toString();
    }

    private String service(int index) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: agent-" + index + "\n  namespace: kube-system\nspec:\n"
                + "  selector:\n    app: agent-" + index + "\n  ports:\n  - name: metrics\n    port: " + (9100 + index)
                + "\n    targetPort: metrics\n";
    }

    /** A multi-document file: DaemonSets with their ConfigMaps and Services, {@code documents} in all. */
    public String mixedFile(int documents) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(switch (i % 3) {
                case 0 -> daemonSet(i);
                case 1 -> configMap(i);
                default -> service(i);
            });
        }
        return out.toString();
    }
}
