package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.daemonSet;
import static dev.dsls.validation.ApiProblems.withContainer;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R131: YAML 1.1 reads true, yes, on, 1.0, 0755 as booleans and numbers where Kubernetes wants a
 * string. The decoder rejects them; validation must not pile a second error on the same value.
 */
class UnquotedStringTest {
    @ParameterizedTest
    @CsvSource({"true,bool,a boolean", "yes,bool,a boolean", "on,bool,a boolean", "1.0,number,a number",
            "0755,number,a number"})
    void labelValues(String literal, String type, String reading) {
        String yaml = daemonSet("", "", "").replaceFirst("  name: agent\n", "  name: agent\n  labels:\n    enabled: "
                + literal + "\n");
        assertApi(yaml, literal + "|metadata.labels[enabled]|Decode|json: cannot unmarshal " + type + " into Go value of"
                + " type string at metadata.labels[enabled] (YAML " + (type.equals("bool") ? "1.1 " : "") + "reads "
                + literal + " as " + reading + "); quote it: \"" + literal + "\"");
    }

    @ParameterizedTest
    @CsvSource({"true", "yes", "on", "1.0", "0755"})
    void annotationNodeSelectorAndEnvValues(String literal) {
        String yaml = daemonSet("", "nodeSelector:\n  gpu: " + literal, "env:\n- name: FLAG\n  value: " + literal)
                .replace("        app: agent\n", "        app: agent\n      annotations:\n        flag: " + literal
                        + "\n");
        assertApi(yaml,
                literal + "|spec.template.metadata.annotations[flag]|Decode|json: cannot unmarshal ...",
                literal + "|spec.template.spec.nodeSelector[gpu]|Decode|json: cannot unmarshal ...",
                literal + "|spec.template.spec.containers[0].env[0].value|Decode|json: cannot unmarshal ...");
    }

    @Test
    void anUndecodableSelectorValueIsNotAlsoAMismatch() {
        String yaml = daemonSet("", "", "").replace("app: agent", "app: yes");
        assertApi(yaml,
                "yes|spec.selector.matchLabels[app]|Decode|json: cannot unmarshal bool into Go value of type string"
                        + " at spec.selector.matchLabels[app] (YAML 1.1 reads yes as a boolean); quote it: \"yes\"",
                "yes|spec.template.metadata.labels[app]|Decode|json: cannot unmarshal bool...");
    }

    @Test
    void anUndecodableTemplateHidesNothingElseAndAddsNothing() {
        String yaml = """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template: [app]
                """;
        assertApi(yaml, "[app]|spec.template|Decode|json: cannot unmarshal array into Go value of type...");
    }

    @Test
    void listItemsOfTheWrongTypeAreOnlyDecodeErrors() {
        assertApi(withPodSpec("readinessGates: [ready]\nimagePullSecrets: [regcred]"),
                "ready|spec.template.spec.readinessGates[0]|Decode|json: cannot unmarshal string into Go value of"
                        + " type...",
                "regcred|spec.template.spec.imagePullSecrets[0]|Decode|json: cannot unmarshal string into Go value of"
                        + " type...");
    }

    @Test
    void numbersInStringLists() {
        assertApi(withContainer("args: [--port, 8080]"),
                "8080|spec.template.spec.containers[0].args[1]|Decode|json: cannot unmarshal number into Go value of"
                        + " type string at spec.template.spec.containers[0].args[1] (YAML reads 8080 as a number);"
                        + " quote it: \"8080\"");
    }

    @Test
    void aQuotedNumberWhereAnIntegerBelongsIsOnlyADecodeError() {
        assertApi(withContainer("ports:\n- containerPort: \"9100\""),
                "\"9100\"|spec.template.spec.containers[0].ports[0].containerPort|Decode|json: cannot unmarshal string"
                        + " into Go value of type integer...");
        assertApi(withPodSpec("hostNetwork: \"true\""),
                "\"true\"|spec.template.spec.hostNetwork|Decode|json: cannot unmarshal string into Go value of type"
                        + " boolean...");
    }
}
