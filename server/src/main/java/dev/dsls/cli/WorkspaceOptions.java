package dev.dsls.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose a run's workspace inventory, configuration and Kubernetes version, shared by check,
 * preview, fleet and diff.
 */
final class WorkspaceOptions {
    @Option(names = "--nodes", paramLabel = "FILE",
            description = "A node inventory (kubectl get nodes -o yaml|json, optionally with pods), or - for stdin;"
                    + " repeatable. Without it: the workspace's (.dsls/config.yaml inventory, else .dsls/inventory.yaml).")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration to use instead of the workspace's .dsls/config.yaml.")
    String config;

    @Option(names = "--kubernetes-version", paramLabel = "X.Y",
            description = "The cluster's Kubernetes version, e.g. 1.31: its fields and its API server's answers"
                    + " (dsls --version lists the supported ones). Without it: kubernetesVersion in .dsls/config.yaml,"
                    + " else the newest.")
    String kubernetesVersion;

    /** A run's workspace and the manifest files its PATH arguments name (those it excludes left out). */
    record Opened(CliWorkspace workspace, List<InputFiles.Input> inputs) {
    }

    /** The workspace of the inputs and the inputs themselves; notes (a skipped Helm chart) go to stderr. */
    Opened openWithInputs(String command, List<String> paths, List<String> disabled, PrintWriter err)
            throws InputFiles.UsageException {
        CliWorkspace workspace = open(command, paths, disabled, err);
        List<InputFiles.Input> inputs = InputFiles.read(paths, System.in, CheckCommand.excluded(workspace),
                note -> err.println("dsls " + command + ": " + note));
        return new Opened(workspace, inputs);
    }

    /** The workspace of the inputs, with these options over its configuration. */
    CliWorkspace open(String command, List<String> paths, List<String> disabled, PrintWriter err)
            throws InputFiles.UsageException {
        return CliWorkspace.open(command, paths, config, nodes, disabled, kubernetesVersion, System.in, err);
    }
}
