package dev.dsls.scheduling;

/** The status numbers the DaemonSet controller would write (updateDaemonSetStatus), over the inventory as given. */
public record DaemonSetStatus(int desiredNumberScheduled, int currentNumberScheduled, int numberReady,
                              int numberAvailable, int updatedNumberScheduled, int numberMisscheduled,
                              int numberUnavailable) {
}
