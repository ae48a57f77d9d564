package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R30-R58, R77: containers, init containers, ports and env. */
class ContainerValidationTest {
    @Test
    void atLeastOneContainer() {
        String yaml = daemonSet("", "", "").replace("""
                      containers:
                      - name: agent
                        image: example.com/agent:1.0
                """, "      containers: []\n");
        assertApi(yaml, "[]|spec.template.spec.containers|Required|Required value. Add at least one container with a"
                + " name and an image.");
    }

    @Test
    void imageAndNameAreRequired() {
        String yaml = daemonSet("", "", "").replace("image: example.com/agent:1.0", "image: \"\"");
        assertApi(yaml, "\"\"|spec.template.spec.containers[0].image|Required|Required value. Add the image to run...");
        String noName = daemonSet("", "", "").replace("      - name: agent\n", "      - name: \"\"\n");
        assertApi(noName, "\"\"|spec.template.spec.containers[0].name|Required|Required value. Name the container...");
    }

    @Test
    void namesAreDnsLabels() {
        String yaml = daemonSet("", "", "").replace("- name: agent", "- name: log.agent");
        assertApi(yaml, "log.agent|spec.template.spec.containers[0].name|Invalid|Invalid value: \"log.agent\": must not"
                + " contain dots. Container names are at most 63 lower-case letters, digits and '-'.");
    }

    @Test
    void namesAreUniqueAcrossContainersAndInitContainers() {
        String yaml = daemonSet("", """
                initContainers:
                - name: agent
                  image: busybox:1.36
                - name: setup
                  image: busybox:1.36
                - name: setup
                  image: busybox:1.36
                """, "") + """
                      - name: agent
                        image: example.com/agent:1.0
                """;
        assertApi(yaml,
                "agent|spec.template.spec.initContainers[0].name|Duplicate|Duplicate value: \"agent\"...",
                "setup|spec.template.spec.initContainers[2].name|Duplicate|Duplicate value: \"setup\"...",
                "agent|spec.template.spec.containers[1].name|Duplicate|Duplicate value: \"agent\"...");
    }

    @Test
    void pullAndTerminationMessagePolicies() {
        assertApi(withContainer("imagePullPolicy: always\nterminationMessagePolicy: Logs"),
                "always|spec.template.spec.containers[0].imagePullPolicy|NotSupported|Unsupported value: \"always\":"
                        + " supported values: \"Always\", \"IfNotPresent\", \"Never\". Did you mean Always?",
                "Logs|spec.template.spec.containers[0].terminationMessagePolicy|NotSupported|Unsupported value:"
                        + " \"Logs\": supported values: \"File\", \"FallbackToLogsOnError\"...");
        assertAccepted(withContainer("imagePullPolicy: Never\nterminationMessagePolicy: FallbackToLogsOnError"));
    }

    @Test
    void containerPorts() {
        assertApi(withContainer("""
                ports:
                - containerPort: 0
                - containerPort: 70000
                  hostPort: 70000
                  protocol: tcp
                - name: HTTP-
                  containerPort: 80
                """),
                "0|spec.template.spec.containers[0].ports[0].containerPort|Required|Required value...",
                "70000|spec.template.spec.containers[0].ports[1].containerPort|Invalid|Invalid value: 70000: must be"
                        + " between 1 and 65535, inclusive...",
                "70000|spec.template.spec.containers[0].ports[1].hostPort|Invalid|Invalid value: 70000: must be"
                        + " between 1 and 65535, inclusive...",
                "tcp|spec.template.spec.containers[0].ports[1].protocol|NotSupported|Unsupported value: \"tcp\":"
                        + " supported values: \"SCTP\", \"TCP\", \"UDP\". Did you mean TCP?...",
                "HTTP-|spec.template.spec.containers[0].ports[2].name|Invalid|Invalid value: \"HTTP-\": must contain"
                        + " only alpha-numeric characters (a-z, 0-9), and hyphens (-)...",
                "HTTP-|spec.template.spec.containers[0].ports[2].name|Invalid|Invalid value: \"HTTP-\": must contain"
                        + " at least one letter (a-z)...",
                "HTTP-|spec.template.spec.containers[0].ports[2].name|Invalid|Invalid value: \"HTTP-\": must not"
                        + " begin or end with a hyphen...");
    }

    @Test
    void portNamesAreUniqueWithinAContainer() {
        assertApi(withContainer("""
                ports:
                - {name: metrics, containerPort: 9100}
                - {name: metrics, containerPort: 9101}
                """), "metrics|spec.template.spec.containers[0].ports[1].name|Duplicate|Duplicate value:"
                + " \"metrics\"...");
    }

    @Test
    void hostPortsAreUniquePerProtocolAndHostIp() {
        String yaml = daemonSet("", "", "ports:\n- {containerPort: 53, hostPort: 53, protocol: UDP}\n"
                + "- {containerPort: 53, hostPort: 53}") + """
                      - name: sidecar
                        image: example.com/sidecar:1.0
                        ports:
                        - {containerPort: 8053, hostPort: 53, protocol: UDP}
                """;
        assertApi(yaml, "53|spec.template.spec.containers[1].ports[0].hostPort|Duplicate|Duplicate value:"
                + " \"/UDP/53\"...");
    }

    @Test
    void initContainerHostPortsAreCheckedOneByOneWithIndexZero() {
        String yaml = withPodSpec("""
                initContainers:
                - name: first
                  image: busybox:1.36
                  ports: [{containerPort: 80, hostPort: 80}]
                - name: second
                  image: busybox:1.36
                  ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]
                """);
        assertApi(yaml,
                "80|spec.template.spec.initContainers[1].ports[0]|Warning|duplicate port definition with"
                        + " spec.template.spec.initContainers[0].ports[0]...",
                "80|spec.template.spec.initContainers[0].ports[1].hostPort|Duplicate|Duplicate value: \"/TCP/80\"...");
    }

    @Test
    void hostNetworkPortsMustMatch() {
        assertApi(daemonSet("", "hostNetwork: true", "ports:\n- {containerPort: 9100, hostPort: 9200}\n"
                        + "- {containerPort: 9101}"),
                "9200|spec.template.spec.containers[0].ports[0].hostPort|Invalid|Invalid value: 9200: must match"
                        + " `containerPort` when `hostNetwork` is true...");
    }

    @Test
    @DisplayName("ValidateEnv: an empty name is only Required, other names relaxed env var names")
    void envNames() {
        assertApi(withContainer("""
                env:
                - name: ""
                  value: x
                - name: A=B
                - name: 1st place
                  value: ok
                """),
                "\"\"|spec.template.spec.containers[0].env[0].name|Required|Required value. Name the variable.",
                "A=B|spec.template.spec.containers[0].env[1].name|Invalid|Invalid value: \"A=B\": a valid environment"
                        + " variable name must consist only of printable ASCII characters other than '='...");
    }

    @Test
    void envValueFrom() {
        assertApi(withContainer("""
                env:
                - name: A
                  valueFrom: {}
                - name: B
                  value: literal
                  valueFrom:
                    fieldRef: {fieldPath: spec.nodeName}
                - name: C
                  valueFrom:
                    fieldRef: {fieldPath: spec.nodeName}
                    secretKeyRef: {name: creds, key: token}
                """),
                "valueFrom|spec.template.spec.containers[0].env[0].valueFrom|Invalid|Invalid value: \"\": must specify"
                        + " one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`...",
                "valueFrom|spec.template.spec.containers[0].env[1].valueFrom|Invalid|Invalid value: \"\": may not be"
                        + " specified when `value` is not empty...",
                "valueFrom|spec.template.spec.containers[0].env[2].valueFrom|Invalid|Invalid value: \"\": may not"
                        + " have more than one field specified at a time...");
    }

    @Test
    void downwardApiFieldPaths() {
        assertApi(withContainer("""
                env:
                - name: PHASE
                  valueFrom: {fieldRef: {fieldPath: status.phase}}
                - name: ZONE
                  valueFrom: {fieldRef: {fieldPath: spec.zone}}
                - name: APP
                  valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
                - name: HOST
                  valueFrom: {fieldRef: {fieldPath: spec.host}}
                """),
                "status.phase|spec.template.spec.containers[0].env[0].valueFrom.fieldRef.fieldPath|NotSupported|"
                        + "Unsupported value: \"status.phase\": supported values: \"metadata.name\","
                        + " \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\","
                        + " \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"...",
                "spec.zone|spec.template.spec.containers[0].env[1].valueFrom.fieldRef.fieldPath|Invalid|Invalid value:"
                        + " \"spec.zone\": error converting fieldPath: field label not supported: spec.zone...");
    }

    @Test
    void keySelectors() {
        assertApi(withContainer("""
                env:
                - name: TOKEN
                  valueFrom: {secretKeyRef: {name: Creds, key: ""}}
                - name: CONF
                  valueFrom: {configMapKeyRef: {name: conf, key: "a/b"}}
                """),
                "Creds|spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name|Invalid|Invalid value:"
                        + " \"Creds\": a lowercase RFC 1123 subdomain...",
                "\"\"|spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key|Required|Required value...",
                "\"a/b\"|spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef.key|Invalid|Invalid value:"
                        + " \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'...");
    }

    @Test
    void envFromNeedsOneSource() {
        assertApi(withContainer("envFrom:\n- {prefix: APP_}\n"), "{prefix: APP_}|spec.template.spec.containers[0].envFrom|"
                + "Invalid|Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`...");
    }

    @Test
    @DisplayName("validateContainerRestartPolicy: regular containers may set Always, Never or OnFailure (1.35+)")
    void regularContainersTakeAContainerRestartPolicy() {
        assertAccepted(withContainer("restartPolicy: Always"));
        assertAccepted(withContainer("restartPolicy: OnFailure"));
        assertAccepted(withContainer("""
                restartPolicy: Never
                restartPolicyRules:
                - {action: Restart, exitCodes: {operator: In, values: [42]}}
                """));
        assertApi(withContainer("restartPolicy: always"), "always|spec.template.spec.containers[0].restartPolicy|"
                + "NotSupported|Unsupported value: \"always\": supported values: \"Always\", \"Never\", \"OnFailure\"."
                + " Did you mean Always?");
    }

    @Test
    @DisplayName("validateContainerRestartPolicy: each restartPolicyRules entry restarts on In/NotIn exit codes")
    void containerRestartRules() {
        assertApi(withContainer("""
                restartPolicy: Never
                restartPolicyRules:
                - {action: Stop, exitCodes: {operator: In, values: [42]}}
                - {action: Restart}
                - {action: Restart, exitCodes: {operator: Equals, values: [1]}}
                """),
                "Stop|spec.template.spec.containers[0].restartPolicyRules[0].action|NotSupported|Unsupported value:"
                        + " \"Stop\": supported values: \"Restart\"...",
                "{action: Restart}|spec.template.spec.containers[0].restartPolicyRules[1].exitCodes|Required|Required"
                        + " value: must be specified...",
                "Equals|spec.template.spec.containers[0].restartPolicyRules[2].exitCodes.operator|NotSupported|"
                        + "Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\"...");
    }

    @Test
    @DisplayName("validateInitContainerRestartPolicy: restartPolicyRules need a restartPolicy")
    void restartRulesNeedARestartPolicy() {
        String init = "{name: setup, image: busybox:1.36, restartPolicyRules: [{action: Restart, exitCodes:"
                + " {operator: In, values: [1]}}]}";
        assertApi(withPodSpec("initContainers:\n- " + init),
                init + "|spec.template.spec.initContainers[0].restartPolicy|Required|Required value: must specify"
                        + " restartPolicy when restart rules are used...");
    }

    @Test
    @DisplayName("validateInitContainers: probes and lifecycle only for sidecars (restartPolicy Always)")
    void initContainersAreSidecarsOnlyWithRestartPolicyAlways() {
        assertApi(withPodSpec("""
                initContainers:
                - name: setup
                  image: busybox:1.36
                  restartPolicy: OnFailure
                  readinessProbe: {exec: {command: [cat, /tmp/ready]}}
                """),
                "readinessProbe|spec.template.spec.initContainers[0].readinessProbe|Forbidden|Forbidden: may not be"
                        + " set for init containers without restartPolicy=Always...");
        assertAccepted(withPodSpec("""
                initContainers:
                - name: proxy
                  image: example.com/proxy:1.0
                  restartPolicy: Always
                  readinessProbe: {tcpSocket: {port: 15001}}
                """));
    }

    @Test
    @DisplayName("validateInitContainerRestartPolicy: Never and OnFailure are valid for init containers in 1.36")
    void initContainersMayRestartNeverOrOnFailure() {
        assertAccepted(withPodSpec("""
                initContainers:
                - name: setup
                  image: busybox:1.36
                  restartPolicy: Never
                - name: retry
                  image: busybox:1.36
                  restartPolicy: OnFailure
                  restartPolicyRules:
                  - {action: Restart, exitCodes: {operator: NotIn, values: [0]}}
                """));
        assertApi(withPodSpec("""
                initContainers:
                - name: setup
                  image: busybox:1.36
                  restartPolicy: Sometimes
                """),
                "Sometimes|spec.template.spec.initContainers[0].restartPolicy|NotSupported|Unsupported value:"
                        + " \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"...");
    }

    @Test
    @DisplayName("validateInitContainerRestartPolicy: a sidecar takes no restartPolicyRules")
    void sidecarsTakeNoRestartRules() {
        assertApi(withPodSpec("""
                initContainers:
                - name: proxy
                  image: example.com/proxy:1.0
                  restartPolicy: Always
                  restartPolicyRules:
                  - {action: Restart, exitCodes: {operator: In, values: [1]}}
                """),
                "restartPolicyRules|spec.template.spec.initContainers[0].restartPolicyRules|Forbidden|Forbidden:"
                        + " restartPolicyRules are not allowed for init containers with restart policy Always...");
    }

    @Test
    @DisplayName("validateResizePolicy: cpu and memory once each, NotRequired or RestartContainer")
    void resizePolicy() {
        assertApi(withContainer("""
                resizePolicy:
                - {resourceName: cpu, restartPolicy: NotRequired}
                - {resourceName: cpu, restartPolicy: RestartContainer}
                - {resourceName: nvidia.com/gpu, restartPolicy: Restart}
                - {resourceName: memory, restartPolicy: ""}
                """),
                "cpu|spec.template.spec.containers[0].resizePolicy[1]|Duplicate|Duplicate value: cpu...",
                "nvidia.com/gpu|spec.template.spec.containers[0].resizePolicy|NotSupported|Unsupported value:"
                        + " nvidia.com/gpu: supported values: \"cpu\", \"memory\"...",
                "Restart|spec.template.spec.containers[0].resizePolicy|NotSupported|Unsupported value: \"Restart\":"
                        + " supported values: \"NotRequired\", \"RestartContainer\"...",
                "\"\"|spec.template.spec.containers[0].resizePolicy|Required|Required value...");
        assertAccepted(withContainer("""
                resizePolicy:
                - {resourceName: cpu, restartPolicy: NotRequired}
                - {resourceName: memory, restartPolicy: RestartContainer}
                """));
    }

    @Test
    @DisplayName("validateInitContainers: a non-sidecar init container may not resize with RestartContainer")
    void initContainersResizeWithoutRestart() {
        assertApi(withPodSpec("""
                initContainers:
                - name: setup
                  image: busybox:1.36
                  resizePolicy:
                  - {resourceName: memory, restartPolicy: RestartContainer}
                """),
                "RestartContainer|spec.template.spec.initContainers[0].resizePolicy[0].restartPolicy|Invalid|Invalid"
                        + " value: \"RestartContainer\": must not be set to 'RestartContainer' for non-sidecar"
                        + " initContainers...");
        assertAccepted(withPodSpec("""
                initContainers:
                - name: proxy
                  image: example.com/proxy:1.0
                  restartPolicy: Always
                  resizePolicy:
                  - {resourceName: memory, restartPolicy: RestartContainer}
                """));
    }

    @Test
    @DisplayName("ValidateEnvFrom: configMapRef and secretRef names are checked in prefix mode (trailing '-')")
    void envFromNamesArePrefixes() {
        assertAccepted(withContainer("""
                envFrom:
                - configMapRef: {name: agent-}
                - secretRef: {name: agent-creds-}
                  prefix: CREDS_
                """));
        assertApi(withContainer("""
                envFrom:
                - configMapRef: {name: Agent}
                - secretRef: {name: ""}
                """),
                "Agent|spec.template.spec.containers[0].envFrom[0].configMapRef.name|Invalid|Invalid value: \"Agent\":"
                        + " a lowercase RFC 1123 subdomain...",
                "\"\"|spec.template.spec.containers[0].envFrom[1].secretRef.name|Required|Required value...");
    }

    @Test
    @DisplayName("validateFileKeySelector and validateFileKeyRefVolumes: env from a file in an emptyDir")
    void envFromFiles() {
        String volumes = """
                volumes:
                - {name: env, emptyDir: {}}
                - {name: conf, configMap: {name: agent}}
                """;
        assertAccepted(daemonSet("", volumes, """
                env:
                - name: TOKEN
                  valueFrom: {fileKeyRef: {volumeName: env, path: agent.env, key: TOKEN}}
                """));
        assertApi(daemonSet("", volumes, """
                env:
                - name: A
                  valueFrom: {fileKeyRef: {volumeName: conf, path: agent.env, key: A}}
                - name: B
                  valueFrom: {fileKeyRef: {volumeName: envs, path: ../agent.env, key: ""}}
                """),
                "conf|spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName|Invalid|Invalid value:"
                        + " \"conf\": referenced volume must be of type emptyDir...",
                "envs|spec.template.spec.containers[0].env[1].valueFrom.fileKeyRef.volumeName|NotFound|Not found:"
                        + " \"envs\"...",
                "../agent.env|spec.template.spec.containers[0].env[1].valueFrom.fileKeyRef.path|Invalid|Invalid value:"
                        + " \"../agent.env\": must not contain '..'...",
                "\"\"|spec.template.spec.containers[0].env[1].valueFrom.fileKeyRef.key|Required|Required value...");
    }
}
