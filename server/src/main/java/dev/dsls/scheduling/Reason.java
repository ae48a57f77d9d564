package dev.dsls.scheduling;

import dev.dsls.yaml.YamlPath;

/**
 * One reason a node does not run the daemon pod.
 *
 * @param message   a sentence naming the exact label, taint or resource and the amounts
 * @param shortText a few words for summaries and the text table ("taint x:NoSchedule", "cpu")
 * @param path      the part of the DaemonSet responsible, relative to the object (for its range)
 */
public record Reason(ReasonCode code, String message, String shortText, YamlPath path) {
}
