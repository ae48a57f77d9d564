package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ValidatePodTemplateSpec beyond the pod spec: ValidatePodSpecificAnnotations on the template's
 * annotations, validateSeccompAnnotationsAndFields and validateAppArmorAnnotationsAndFieldsMatchOnCreate.
 */
class PodTemplateValidationTest {
    private static final String A = "spec.template.annotations";

    /** A DaemonSet whose pod template carries the annotations, with extra pod spec and container lines. */
    private static String withAnnotations(String annotationLines, String podSpecLines, String containerLines) {
        StringBuilder annotations = new StringBuilder("      annotations:\n");
        for (String line : annotationLines.stripIndent().split("\n")) {
            if (!line.isBlank()) {
                annotations.append("        ").append(line).append('\n');
            }
        }
        String yaml = daemonSet("", podSpecLines, containerLines);
        String anchor = "        app: agent\n    spec:\n";
        return yaml.replace(anchor, "        app: agent\n" + annotations + "    spec:\n");
    }

    @Test
    @DisplayName("ValidatePodSpecificAnnotations: the mirror pod annotation needs spec.nodeName")
    void mirrorPodAnnotation() {
        assertApi(withAnnotations("kubernetes.io/config.mirror: \"true\"", "", ""),
                "\"true\"|" + A + "[kubernetes.io/config.mirror]|Invalid|Invalid value: \"true\": must set"
                        + " spec.nodeName if mirror pod annotation is set...");
        assertAccepted(withAnnotations("kubernetes.io/config.mirror: \"true\"", "nodeName: node-1", ""));
    }

    @Test
    @DisplayName("ValidatePodSpecificAnnotations: the pod deletion cost is a 32-bit integer (PodDeletionCost)")
    void podDeletionCost() {
        for (String bad : new String[] {"+10", "007", "2147483648", "ten", ""}) {
            String quoted = "\"" + bad + "\"";
            assertApi(withAnnotations("controller.kubernetes.io/pod-deletion-cost: " + quoted, "", ""),
                    quoted + "|" + A + "[controller.kubernetes.io/pod-deletion-cost]|Invalid|Invalid value: " + quoted
                            + ": must be a 32bit integer...");
        }
        for (String good : new String[] {"0", "-5", "2147483647", "-2147483648"}) {
            assertAccepted(withAnnotations("controller.kubernetes.io/pod-deletion-cost: \"" + good + "\"", "", ""));
        }
    }

    @Test
    @DisplayName("ValidateSeccompPodAnnotations: a valid profile, printed with the key as a path element")
    void seccompAnnotationValues() {
        assertApi(withAnnotations("""
                seccomp.security.alpha.kubernetes.io/pod: docker/unconfined
                container.seccomp.security.alpha.kubernetes.io/agent: localhost//etc/agent.json
                """, "", ""),
                "seccomp.security.alpha.kubernetes.io/pod|spec.template.metadata.annotations[seccomp.security.alpha"
                        + ".kubernetes.io/pod]|Warning|non-functional in v1.27+...",
                "docker/unconfined|" + A + ".seccomp.security.alpha.kubernetes.io/pod|Invalid|Invalid value:"
                        + " \"docker/unconfined\": must be a valid seccomp profile...",
                "container.seccomp.security.alpha.kubernetes.io/agent|spec.template.metadata.annotations[container"
                        + ".seccomp.security.alpha.kubernetes.io/agent]|Warning|non-functional in v1.27+...",
                "localhost//etc/agent.json|" + A + ".container.seccomp.security.alpha.kubernetes.io/agent|Invalid|"
                        + "Invalid value: \"/etc/agent.json\": must be a relative path...");
    }

    @Test
    @DisplayName("validateSeccompAnnotationsAndFields: annotation and seccompProfile field must agree")
    void seccompAnnotationsMatchTheFields() {
        assertApi(withAnnotations("""
                seccomp.security.alpha.kubernetes.io/pod: runtime/default
                container.seccomp.security.alpha.kubernetes.io/agent: localhost/profiles/agent.json
                """, "securityContext:\n  seccompProfile: {type: Unconfined}",
                "securityContext:\n  seccompProfile: {type: Localhost, localhostProfile: profiles/other.json}"),
                "Unconfined|spec.template.spec.securityContext.seccompProfile.type|Forbidden|Forbidden: seccomp type in"
                        + " annotation and field must match...",
                "profiles/other.json|spec.template.spec.containers[0].securityContext.seccompProfile.localhostProfile|"
                        + "Forbidden|Forbidden: seccomp profile in annotation and field must match...");
        assertAccepted(withAnnotations("seccomp.security.alpha.kubernetes.io/pod: docker/default",
                "securityContext:\n  seccompProfile: {type: RuntimeDefault}", ""));
    }

    @Test
    @DisplayName("ValidateAppArmorPodAnnotations: a container of the pod and a valid profile name")
    void appArmorAnnotationValues() {
        assertApi(withAnnotations("""
                container.apparmor.security.beta.kubernetes.io/agnet: runtime/default
                container.apparmor.security.beta.kubernetes.io/agent: docker-default
                """, "", ""),
                "container.apparmor.security.beta.kubernetes.io/agnet|" + A + "[container.apparmor.security.beta"
                        + ".kubernetes.io/agnet]|Invalid|Invalid value: \"agnet\": container not found...",
                "container.apparmor.security.beta.kubernetes.io/agent|spec.template.metadata.annotations[container"
                        + ".apparmor.security.beta.kubernetes.io/agent]|Warning|deprecated since v1.30...",
                "docker-default|" + A + "[container.apparmor.security.beta.kubernetes.io/agent]|Invalid|Invalid value:"
                        + " \"docker-default\": invalid AppArmor profile name: \"docker-default\"...");
    }

    @Test
    @DisplayName("validateAppArmorAnnotationsAndFieldsMatchOnCreate: annotation and appArmorProfile must agree")
    void appArmorAnnotationsMatchTheFields() {
        assertApi(withAnnotations("container.apparmor.security.beta.kubernetes.io/agent: localhost/agent", "",
                        "securityContext:\n  appArmorProfile: {type: Unconfined}"),
                "Unconfined|spec.template.spec.containers[0].securityContext.appArmorProfile.type|Forbidden|Forbidden:"
                        + " apparmor type in annotation and field must match...");
        assertAccepted(withAnnotations("container.apparmor.security.beta.kubernetes.io/agent: localhost/agent", "",
                "securityContext:\n  appArmorProfile: {type: Localhost, localhostProfile: agent}"));
    }
}
