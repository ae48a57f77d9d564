package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** spec.os and what it rules out: validateOS, validateLinux, validateWindows, windows options and HostProcess. */
class PodOsValidationTest {
    private static final String P = "spec.template.spec.";

    @Test
    @DisplayName("validateOS: a name, linux or windows; an unknown one is printed at os")
    void osName() {
        assertApi(withPodSpec("os: {name: Linux}"),
                "Linux|" + P + "os|NotSupported|Unsupported value: \"Linux\": supported values: \"linux\","
                        + " \"windows\"...");
        assertApi(withPodSpec("os: {name: \"\"}"), "\"\"|" + P + "os.name|Required|Required value...");
        assertAccepted(withPodSpec("os: {name: linux}"));
    }

    @Test
    @DisplayName("validateLinux: windowsOptions cannot be set for a linux pod")
    void linuxPodsTakeNoWindowsOptions() {
        assertApi(daemonSet("", """
                os: {name: linux}
                securityContext:
                  windowsOptions: {runAsUserName: agent}
                """, "securityContext:\n  windowsOptions: {runAsUserName: agent}"),
                "windowsOptions|" + P + "securityContext.windowsOptions|Forbidden|Forbidden: windows options cannot be"
                        + " set for a linux pod...",
                "windowsOptions|" + P + "containers[0].securityContext.windowsOptions|Forbidden|Forbidden: windows"
                        + " options cannot be set for a linux pod...");
    }

    @Test
    @DisplayName("validateWindows: Linux-only pod and container fields cannot be set for a windows pod")
    void windowsPodsTakeNoLinuxOnlyFields() {
        assertApi(daemonSet("", """
                os: {name: windows}
                hostPID: true
                securityContext:
                  runAsUser: 1000
                """, "securityContext:\n  privileged: true"),
                "hostPID|" + P + "hostPID|Forbidden|Forbidden: cannot be set for a windows pod...",
                "runAsUser|" + P + "securityContext.runAsUser|Forbidden|Forbidden: cannot be set for a windows pod...",
                "privileged|" + P + "containers[0].securityContext.privileged|Forbidden|Forbidden: cannot be set for a"
                        + " windows pod...");
        assertApi(withPodSpec("os: {name: windows}\nresources: {limits: {cpu: \"1\"}}"),
                "resources|" + P + "resources|Forbidden|Forbidden: may not be set for a windows pod...");
        assertAccepted(daemonSet("", "os: {name: windows}", "securityContext:\n  windowsOptions: {runAsUserName:"
                + " 'NT AUTHORITY\\SYSTEM'}"));
    }

    @Test
    @DisplayName("validateWindowsSecurityContextOptions: GMSA credential spec name and runAsUserName")
    void windowsOptions() {
        assertApi(withPodSpec("securityContext:\n  windowsOptions: {gmsaCredentialSpecName: Bad_Name, runAsUserName:"
                        + " \"\"}"),
                "Bad_Name|" + P + "securityContext.windowsOptions.gmsaCredentialSpecName|Invalid|Invalid value:"
                        + " \"Bad_Name\": a lowercase RFC 1123 subdomain...",
                "\"\"|" + P + "securityContext.windowsOptions.runAsUserName|Invalid|Invalid value: \"\": runAsUserName"
                        + " cannot be an empty string...");
    }

    @Test
    @DisplayName("validateWindowsHostProcessPod: HostProcess containers need hostNetwork")
    void hostProcessPodsNeedHostNetwork() {
        assertApi(withPodSpec("securityContext:\n  windowsOptions: {hostProcess: true}"),
                "spec|" + P + "hostNetwork|Invalid|Invalid value: false: hostNetwork must be true if pod contains any"
                        + " hostProcess containers...");
        assertAccepted(withPodSpec("hostNetwork: true\nsecurityContext:\n  windowsOptions: {hostProcess: true}"));
    }
}
