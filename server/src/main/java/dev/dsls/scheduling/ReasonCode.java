package dev.dsls.scheduling;

/**
 * Why a node does not run the daemon pod, in upstream precedence: the first four make a node not
 * desired (the DaemonSet controller's NodeShouldRunDaemonPod), the last three leave a desired node's
 * pod Pending (the scheduler's NodePorts and NodeResourcesFit filters). The codes are a public contract.
 */
public enum ReasonCode {
    NODE_NAME("nodeName", false),
    NODE_SELECTOR("nodeSelector", false),
    NODE_AFFINITY("nodeAffinity", false),
    TAINT("taint", false),
    HOST_PORT("hostPort", true),
    POD_COUNT("podCount", true),
    RESOURCES("resources", true);

    private final String code;
    private final boolean fitFailure;

    ReasonCode(String code, boolean fitFailure) {
        this.code = code;
        this.fitFailure = fitFailure;
    }

    /** The code as the JSON contract and the README name it. */
    public String code() {
        return code;
    }

    /** True for reasons of a desired node whose pod does not fit (it stays Pending). */
    public boolean isFitFailure() {
        return fitFailure;
    }
}
