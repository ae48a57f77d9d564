package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.Test;

/** R120, R125, R126: container and pod security contexts, sysctls, seccomp and AppArmor profiles. */
class SecurityContextValidationTest {
    private static final String C = "spec.template.spec.containers[0].securityContext";
    private static final String P = "spec.template.spec.securityContext";

    @Test
    void userAndGroupIds() {
        assertApi(withContainer("securityContext: {runAsUser: -1, runAsGroup: 4294967296}"),
                "-1|" + C + ".runAsUser|Invalid|Invalid value: -1: must be between 0 and 4294967295, inclusive...",
                "4294967296|" + C + ".runAsGroup|Invalid|Invalid value: 4294967296: must be between 0 and 4294967295,"
                        + " inclusive...");
        assertApi(withPodSpec("securityContext: {fsGroup: -2, supplementalGroups: [1000, -3]}"),
                "-2|" + P + ".fsGroup|Invalid|Invalid value: -2: must be between 0 and 4294967295, inclusive...",
                "-3|" + P + ".supplementalGroups[1]|Invalid|Invalid value: -3: must be between 0 and 4294967295,"
                        + " inclusive...");
    }

    @Test
    void privilegedCannotForbidEscalation() {
        assertApi(withContainer("securityContext: {privileged: true, allowPrivilegeEscalation: false}"),
                "securityContext|" + C + "|Invalid|Invalid value: &core.SecurityContext{...}: cannot set"
                        + " `allowPrivilegeEscalation` to false and `privileged` to true...");
        assertAccepted(withContainer("securityContext: {privileged: true}"));
    }

    @Test
    void procMount() {
        assertApi(withContainer("securityContext: {procMount: Unmasked}"),
                "Unmasked|" + C + ".procMount|Invalid|Invalid value: \"Unmasked\": `hostUsers` must be false to use"
                        + " `Unmasked`...");
        assertAccepted(daemonSet("", "hostUsers: false", "securityContext: {procMount: Unmasked}"));
        assertApi(withContainer("securityContext: {procMount: Masked}"),
                "Masked|" + C + ".procMount|NotSupported|Unsupported value: \"Masked\": supported values: \"Default\","
                        + " \"Unmasked\"...");
    }

    @Test
    void seccompProfiles() {
        assertApi(withContainer("securityContext:\n  seccompProfile: {type: Localhost}"),
                "seccompProfile|" + C + ".seccompProfile.localhostProfile|Required|Required value: must be set when"
                        + " seccomp type is Localhost...");
        assertApi(withPodSpec("securityContext:\n  seccompProfile: {type: RuntimeDefault, localhostProfile: a.json}"),
                "localhostProfile|" + P + ".seccompProfile.localhostProfile|Invalid|Invalid value:"
                        + " &core.SeccompProfile{Type:\"RuntimeDefault\", LocalhostProfile:\"a.json\"}: can only be set"
                        + " when seccomp type is Localhost...");
        assertApi(withPodSpec("securityContext:\n  seccompProfile: {type: Default}"),
                "Default|" + P + ".seccompProfile.type|NotSupported|Unsupported value: \"Default\": supported values:"
                        + " \"Localhost\", \"RuntimeDefault\", \"Unconfined\"...");
        assertAccepted(withContainer("securityContext:\n  seccompProfile: {type: Localhost, localhostProfile:"
                + " profiles/agent.json}"));
    }

    @Test
    void appArmorProfiles() {
        assertApi(withContainer("securityContext:\n  appArmorProfile: {type: \"\"}"),
                "\"\"|" + C + ".appArmorProfile.type|Required|Required value: type is required when appArmorProfile is"
                        + " set...");
    }

    @Test
    void hostPidCannotShareTheProcessNamespace() {
        assertApi(withPodSpec("hostPID: true\nshareProcessNamespace: true"),
                "true|" + P + ".shareProcessNamespace|Invalid|Invalid value: true: ShareProcessNamespace and HostPID"
                        + " cannot both be enabled...");
    }

    @Test
    void userNamespacesExcludeHostNamespaces() {
        assertApi(withPodSpec("hostUsers: false\nhostNetwork: true\nhostPID: true"),
                "hostNetwork|spec.template.spec.hostNetwork|Forbidden|Forbidden: when `hostUsers` is false...",
                "hostPID|spec.template.spec.HostPID|Forbidden|Forbidden: when `hostUsers` is false...");
    }

    @Test
    void sysctls() {
        assertApi(withPodSpec("""
                hostNetwork: true
                securityContext:
                  sysctls:
                  - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                  - {name: Kernel.Shm, value: "1"}
                  - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                """),
                "net.ipv4.ip_local_port_range|" + P + ".sysctls[0].name|Invalid|Invalid value:"
                        + " \"net.ipv4.ip_local_port_range\": may not be specified when 'hostNetwork' is true...",
                "Kernel.Shm|" + P + ".sysctls[1].name|Invalid|Invalid value: \"Kernel.Shm\": must have at most 253"
                        + " characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*"
                        + "[a-z0-9])?$...",
                "net.ipv4.ip_local_port_range|" + P + ".sysctls[2].name|Duplicate|Duplicate value:"
                        + " \"net.ipv4.ip_local_port_range\"...",
                "net.ipv4.ip_local_port_range|" + P + ".sysctls[2].name|Invalid|Invalid value:"
                        + " \"net.ipv4.ip_local_port_range\": may not be specified when 'hostNetwork' is true...");
        assertAccepted(withPodSpec("securityContext:\n  sysctls: [{name: net.ipv4.ip_local_port_range, value: \"1024"
                + " 65535\"}]"));
    }
}
