package dev.dsls.validation;

import static dev.dsls.validation.ApiProblems.assertAccepted;
import static dev.dsls.validation.ApiProblems.assertApi;
import static dev.dsls.validation.ApiProblems.withPodSpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R122, R124, R127: DNS, names of referenced objects and host aliases. */
class PodSpecValidationTest {
    private static final String P = "spec.template.spec.";

    @Test
    void dnsPolicy() {
        assertApi(withPodSpec("dnsPolicy: clusterFirstWithHostNet"),
                "clusterFirstWithHostNet|" + P + "dnsPolicy|NotSupported|Unsupported value:"
                        + " \"clusterFirstWithHostNet\": supported values: \"ClusterFirstWithHostNet\","
                        + " \"ClusterFirst\", \"Default\", \"None\". Did you mean ClusterFirstWithHostNet?");
        assertAccepted(withPodSpec("hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet"));
    }

    @Test
    void dnsPolicyNoneNeedsNameservers() {
        assertApi(withPodSpec("dnsPolicy: None"), "None|" + P + "dnsConfig|Required|Required value: must provide"
                + " `dnsConfig` when `dnsPolicy` is None...");
        assertApi(withPodSpec("dnsPolicy: None\ndnsConfig: {searches: [svc.cluster.local]}"),
                "dnsConfig|" + P + "dnsConfig.nameservers|Required|Required value: must provide at least one DNS"
                        + " nameserver when `dnsPolicy` is None...");
        assertAccepted(withPodSpec("dnsPolicy: None\ndnsConfig: {nameservers: [10.96.0.10]}"));
    }

    @Test
    void dnsConfigLimits() {
        assertApi(withPodSpec("""
                dnsConfig:
                  nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, "2001:db8::1"]
                  searches: [svc.cluster.local, "Bad_Domain"]
                  options: [{name: ""}]
                """),
                "[1.1.1.1, 8.8.8.8, 9.9.9.9, \"2001:db8::1\"]|" + P + "dnsConfig.nameservers|Invalid|Invalid value:"
                        + " []string{\"1.1.1.1\", \"8.8.8.8\", \"9.9.9.9\", \"2001:db8::1\"}: must not have more than 3"
                        + " nameservers...",
                "\"Bad_Domain\"|" + P + "dnsConfig.searches[1]|Invalid|Invalid value: \"Bad_Domain\": a lowercase RFC"
                        + " 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.'...",
                "{name: \"\"}|" + P + "dnsConfig.options[0]|Required|Required value: must not be empty...");
        assertApi(withPodSpec("dnsConfig: {nameservers: [dns.example.com]}"),
                "dns.example.com|" + P + "dnsConfig.nameservers[0]|Invalid|Invalid value: \"dns.example.com\": must be"
                        + " a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)...");
    }

    @Test
    void referencedNamesAreDnsNames() {
        assertApi(withPodSpec("serviceAccountName: Agent\npriorityClassName: system_node_critical\nnodeName: node-1"
                        + "\nhostname: agent.local"),
                "Agent|" + P + "serviceAccountName|Invalid|Invalid value: \"Agent\": a lowercase RFC 1123"
                        + " subdomain...",
                "system_node_critical|" + P + "priorityClassName|Invalid|Invalid value: \"system_node_critical\": a"
                        + " lowercase RFC 1123 subdomain...",
                "agent.local|" + P + "hostname|Invalid|Invalid value: \"agent.local\": must not contain dots...");
    }

    @Test
    void hostAliases() {
        assertApi(withPodSpec("hostAliases:\n- {ip: 10.0.0.300, hostnames: [registry.local, Registry]}"),
                "10.0.0.300|" + P + "hostAliases[0].ip|Invalid|Invalid value: \"10.0.0.300\": must be a valid IP"
                        + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)...",
                "Registry|" + P + "hostAliases[0].hostnames[1]|Invalid|Invalid value: \"Registry\": a lowercase RFC"
                        + " 1123 subdomain...");
        assertAccepted(withPodSpec("hostAliases:\n- {ip: \"fd00::1\", hostnames: [registry.local]}"));
    }

    @Test
    void readinessGatesAndPreemption() {
        assertApi(withPodSpec("readinessGates: [{conditionType: \"example.com/ready now\"}]\npreemptionPolicy:"
                        + " Sometimes"),
                "\"example.com/ready now\"|" + P + "readinessGates[0].conditionType|Invalid|Invalid value:"
                        + " \"example.com/ready now\": name part must consist of alphanumeric characters...",
                "Sometimes|" + P + "preemptionPolicy|NotSupported|Unsupported value: \"Sometimes\": supported values:"
                        + " \"PreemptLowerPriority\", \"Never\"...");
    }

    @Test
    @DisplayName("validateSchedulingGates: qualified names, no duplicates, printed at schedulingGates[i]")
    void schedulingGates() {
        assertApi(withPodSpec("""
                schedulingGates:
                - {name: example.com/wait-for-config}
                - {name: example.com/wait-for-config}
                - {name: ""}
                """),
                "example.com/wait-for-config|" + P + "schedulingGates[1]|Duplicate|Duplicate value:"
                        + " \"example.com/wait-for-config\"...",
                "\"\"|" + P + "schedulingGates[2]|Invalid|Invalid value: \"\": name part must be non-empty...",
                "\"\"|" + P + "schedulingGates[2]|Invalid|Invalid value: \"\": name part must consist of alphanumeric"
                        + " characters...");
        assertAccepted(withPodSpec("schedulingGates:\n- {name: example.com/wait-for-config}"));
    }

    @Test
    @DisplayName("validatePodHostName: hostnameOverride (HostnameOverride, on by default) is a DNS subdomain")
    void hostnameOverride() {
        assertApi(withPodSpec("hostNetwork: true\nhostnameOverride: Agent.local"),
                "hostnameOverride|" + P + "hostnameOverride|Forbidden|Forbidden: may not be specified when hostNetwork"
                        + " is true...",
                "Agent.local|" + P + "hostnameOverride|Invalid|Invalid value: \"Agent.local\": a lowercase RFC 1123"
                        + " subdomain...");
        assertAccepted(withPodSpec("hostnameOverride: agent.node.local"));
    }
}
