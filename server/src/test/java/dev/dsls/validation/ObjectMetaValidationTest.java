package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;

import org.junit.jupiter.api.Test;

/** R1, R20-R24: ValidateObjectMeta and the template's labels and annotations. */
class ObjectMetaValidationTest {
    private static final String VALID = daemonSet("", "", "");

    @Test
    void nameIsRequiredUnlessGenerated() {
        String yaml = VALID.replace("  name: agent\n", "  labels: {team: infra}\n");
        assertApi(yaml, "metadata|metadata.name|Required|Required value: name or generateName is required. Add"
                + " metadata.name...");
        assertAccepted(VALID.replace("  name: agent\n", "  generateName: agent-\n"));
    }

    @Test
    void nameMustBeADnsSubdomain() {
        assertApi(VALID.replaceFirst("name: agent\n", "name: Node_Agent\n"), "Node_Agent|metadata.name|Invalid|Invalid"
                + " value: \"Node_Agent\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')...");
        assertAccepted(VALID.replaceFirst("name: agent\n", "name: agent.v2\n"));
    }

    @Test
    void aWrittenNamespaceIsADnsLabel() {
        assertApi(VALID.replaceFirst("  name: agent\n", "  name: agent\n  namespace: kube.system\n"),
                "kube.system|metadata.namespace|Invalid|Invalid value: \"kube.system\": must not contain dots...");
        assertAccepted(VALID.replaceFirst("  name: agent\n", "  name: agent\n  namespace: kube-system\n"));
    }

    @Test
    void generateNameIsValidatedAsAPrefix() {
        assertApi(VALID.replace("  name: agent\n", "  generateName: Agent-\n"), "Agent-|metadata.generateName|Invalid|"
                + "Invalid value: \"Agent-\": a lowercase RFC 1123 subdomain...");
    }

    @Test
    void labelKeysAndValuesAreReportedAtTheMapPath() {
        String yaml = VALID.replace("  name: agent\n", """
                  name: agent
                  labels:
                    example.com/team/extra: infra
                    tier: node agent
                    -bad: ok
                """);
        assertApi(yaml,
                "example.com/team/extra|metadata.labels|Invalid|Invalid value: \"example.com/team/extra\": a valid"
                        + " label key must consist of alphanumeric characters...",
                "node agent|metadata.labels|Invalid|Invalid value: \"node agent\": a valid label must be an empty"
                        + " string...",
                "-bad|metadata.labels|Invalid|Invalid value: \"-bad\": name part must consist of alphanumeric"
                        + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
                        + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                        + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')...");
    }

    @Test
    void longLabelValuesAreTooLong() {
        String yaml = VALID.replace("  name: agent\n", "  name: agent\n  labels:\n    build: " + "a".repeat(64) + "\n");
        assertApi(yaml, "a".repeat(64) + "|metadata.labels|Invalid|Invalid value: \"" + "a".repeat(64) + "\": must be"
                + " no more than 63 bytes...");
    }

    @Test
    void templateLabelsAreReportedWithoutMetadata() {
        String yaml = VALID.replace("        app: agent\n", "        app: agent\n        Version: \"1.0 beta\"\n");
        assertApi(yaml, "\"1.0 beta\"|spec.template.labels|Invalid|Invalid value: \"1.0 beta\": a valid label must be an"
                + " empty string...");
    }

    @Test
    void annotationKeysAreCaseInsensitiveQualifiedNames() {
        String yaml = VALID.replace("  name: agent\n", """
                  name: agent
                  annotations:
                    Example.COM/Owner: infra
                    "owner email": infra@example.com
                """);
        assertApi(yaml, "\"owner email\"|metadata.annotations|Invalid|Invalid value: \"owner email\": name part must"
                + " consist of alphanumeric characters...");
    }

    @Test
    void annotationsAreLimitedTo256KiB() {
        String big = "x".repeat(256 * 1024);
        String yaml = VALID.replace("        app: agent\n", "        app: agent\n      annotations:\n        blob: " + big
                + "\n");
        assertApi(yaml, "annotations|spec.template.annotations|TooLong|Too long: must have at most 262144 bytes...");
    }

    @Test
    void finalizersAreQualifiedOrStandard() {
        String yaml = VALID.replace("  name: agent\n", """
                  name: agent
                  finalizers:
                  - example.com/cleanup
                  - kubernetes
                  - cleanup
                  - example.com/a/b
                """);
        assertApi(yaml,
                "cleanup|metadata.finalizers[2]|Invalid|Invalid value: \"cleanup\": name is neither a standard"
                        + " finalizer name nor is it fully qualified...",
                "example.com/a/b|metadata.finalizers|Invalid|Invalid value: \"example.com/a/b\": a valid label key...",
                "example.com/a/b|metadata.finalizers[3]|Invalid|Invalid value: \"example.com/a/b\": a valid label"
                        + " key...");
    }
}
