package dev.dsls.cli;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Severity;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.preview.FleetBudget;
import dev.dsls.preview.PreviewJson;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls fleet}: every DaemonSet given, together over the inventory, budgeted per node pool. */
@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Preview all DaemonSets given together, their pods bound by priority as the scheduler would,"
                + " and print the DaemonSet budget per node pool: what the daemon pods request, what is left for"
                + " workloads, which pods stay Pending and who holds the room, which pods are preempted, and whether"
                + " every DaemonSet fits each node template (a Node with metadata.generateName).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every daemon pod the controller wants is bound", "1:errors in the manifests, or daemon pods"
                + " left Pending", "2:usage or I/O problem"})
final class FleetCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json), or - for stdin.")
    List<String> paths = new ArrayList<>();

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--group-by", paramLabel = "LABEL", defaultValue = FleetBudget.DEFAULT_GROUP_BY,
            description = "The node label that names a pool (default: ${DEFAULT-VALUE}); nodes without it are"
                    + " grouped under " + FleetBudget.NO_LABEL + ".")
    String groupBy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkspaceOptions.Opened opened;
        try {
            opened = workspaceOptions.openWithInputs("fleet", paths, List.of(), err);
        } catch (InputFiles.UsageException e) {
            err.println("dsls fleet: " + e.getMessage());
            return Main.USAGE;
        }
        CliWorkspace workspace = opened.workspace();
        List<InputFiles.Input> inputs = opened.inputs();
        DaemonSetLanguageService service = workspace.service;
        if (service.workspace().inventory().state().inventory().isEmpty()) {
            err.println("dsls fleet: no node inventory: pass --nodes FILE (kubectl get nodes,pods -A -o yaml >"
                    + " inventory.yaml) or add .dsls/inventory.yaml to the workspace");
            return Main.USAGE;
        }
        List<ManifestFile> files = new ArrayList<>();
        for (InputFiles.Input input : inputs) {
            if (input.tooLarge()) {
                err.println("dsls fleet: " + CheckCommand.tooLarge(input).message());
                return Main.USAGE;
            }
            files.add(service.workspace().read(input.path(), input.bytes()));
        }
        long errors = 0;
        for (ManifestFile file : files) {
            errors += service.diagnostics(file).stream().filter(d -> d.severity() == Severity.ERROR)
                    .peek(d -> err.printf("%s:%d:%d: error: %s [%s]%n", file.path(), d.range().start().line() + 1,
                            d.range().start().character() + 1, d.message(), d.code())).count();
        }
        if (service.workspace().daemonSets().isEmpty()) {
            err.println("dsls fleet: no DaemonSet in " + String.join(", ", paths));
            return Main.USAGE;
        }
        JsonObject fleet = service.fleetJson(groupBy);
        String text = fleet.remove("text").getAsString();
        if (format == Format.json) {
            out.println(PreviewJson.toText(fleet));
        } else {
            out.print(text);
        }
        out.flush();
        err.flush();
        boolean pending = fleet.getAsJsonArray("daemonSets").asList().stream()
                .anyMatch(daemonSet -> daemonSet.getAsJsonObject().get("pending").getAsInt() > 0);
        return errors > 0 || pending ? Main.ERRORS_FOUND : Main.OK;
    }
}
