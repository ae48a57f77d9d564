package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;

import org.junit.jupiter.api.Test;

/** R110-R113: probes and lifecycle handlers. */
class ProbeValidationTest {
    private static final String C = "spec.template.spec.containers[0].";

    @Test
    void exactlyOneHandler() {
        assertApi(withContainer("livenessProbe: {periodSeconds: 5}\nreadinessProbe:\n  exec: {command: [cat, /ok]}\n"
                        + "  tcpSocket: {port: 8080}"),
                "livenessProbe|" + C + "livenessProbe|Required|Required value: must specify a handler type. Add one of"
                        + " exec, httpGet, tcpSocket, grpc.",
                "tcpSocket|" + C + "readinessProbe.tcpSocket|Forbidden|Forbidden: may not specify more than 1 handler"
                        + " type...");
    }

    @Test
    void handlerFields() {
        assertApi(withContainer("""
                livenessProbe:
                  exec: {command: []}
                readinessProbe:
                  httpGet: {path: /healthz, scheme: http}
                startupProbe:
                  tcpSocket: {port: Metrics}
                """),
                "[]|" + C + "livenessProbe.exec.command|Required|Required value...",
                "httpGet|" + C + "readinessProbe.httpGet.port|Invalid|Invalid value: 0: must be"
                        + " between 1 and 65535, inclusive...",
                "http|" + C + "readinessProbe.httpGet.scheme|NotSupported|Unsupported value: \"http\": supported"
                        + " values: \"HTTP\", \"HTTPS\"...",
                "Metrics|" + C + "startupProbe.tcpSocket.port|Invalid|Invalid value: \"Metrics\": must contain only"
                        + " alpha-numeric characters (a-z, 0-9), and hyphens (-)...");
        assertApi(withContainer("readinessProbe: {grpc: {port: 0}}"),
                "0|" + C + "readinessProbe.grpc.port|Invalid|Invalid value: 0: must be between 1 and 65535,"
                        + " inclusive...");
    }

    @Test
    void thresholdsAfterDefaults() {
        assertApi(withContainer("""
                livenessProbe:
                  httpGet: {port: 8080}
                  successThreshold: 2
                  periodSeconds: -5
                readinessProbe:
                  httpGet: {port: 8080}
                  successThreshold: 3
                  terminationGracePeriodSeconds: 10
                """),
                "2|" + C + "livenessProbe.successThreshold|Invalid|Invalid value: 2: must be 1...",
                "-5|" + C + "livenessProbe.periodSeconds|Invalid|Invalid value: -5: must be greater than or equal to"
                        + " 0...",
                "10|" + C + "readinessProbe.terminationGracePeriodSeconds|Invalid|Invalid value: 10: must not be set"
                        + " for readinessProbes...");
        assertAccepted(withContainer("livenessProbe:\n  httpGet: {port: 8080}\n  successThreshold: 0"));
    }

    @Test
    void probeGracePeriodIsPositive() {
        assertApi(withContainer("livenessProbe:\n  httpGet: {port: 8080}\n  terminationGracePeriodSeconds: 0"),
                "0|" + C + "livenessProbe.terminationGracePeriodSeconds|Invalid|Invalid value: 0: must be greater than"
                        + " 0...");
    }

    @Test
    void lifecycleHooks() {
        assertApi(daemonSet("", "terminationGracePeriodSeconds: 20", """
                lifecycle:
                  preStop:
                    sleep: {seconds: 30}
                  postStart: {}
                """),
                "{seconds: 30}|" + C + "lifecycle.preStop.sleep|Invalid|Invalid value: 30: must be non-negative and"
                        + " less than terminationGracePeriodSeconds (20)...",
                "postStart|" + C + "lifecycle.postStart|Required|Required value: must specify a handler type...");
    }
}
