package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;

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
                "\"\"|spec.template.spec.containers[0].env[0].name|Invalid|Invalid value: \"\": environment variable"
                        + " name must be non-empty...",
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
                        + " one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`...",
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
    void regularContainersTakeNoRestartPolicy() {
        assertApi(withContainer("restartPolicy: Always"), "restartPolicy|spec.template.spec.containers[0]"
                + ".restartPolicy|Forbidden|Forbidden: may not be set for non-init containers...");
    }

    @Test
    void initContainersAreSidecarsOnlyWithRestartPolicyAlways() {
        assertApi(withPodSpec("""
                initContainers:
                - name: setup
                  image: busybox:1.36
                  restartPolicy: OnFailure
                  readinessProbe: {exec: {command: [cat, /tmp/ready]}}
                """),
                "OnFailure|spec.template.spec.initContainers[0].restartPolicy|NotSupported|Unsupported value:"
                        + " \"OnFailure\": supported values: \"Always\"...",
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
}
