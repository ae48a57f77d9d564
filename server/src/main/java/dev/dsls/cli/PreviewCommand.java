package dev.dsls.cli;

import com.google.gson.JsonObject;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.preview.PreviewJson;
import dev.dsls.preview.PreviewText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls preview}: where each DaemonSet would run over a node inventory, and why not elsewhere. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Preview on which nodes each DaemonSet's pods would run, which would stay Pending and why every"
                + " other node is excluded, with the status and rollout kubectl would show. Files with their own Node"
                + " documents are previewed against those too (a what-if).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors found", "1:errors found in the manifests", "2:usage or I/O problem"})
final class PreviewCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json), or - for stdin.")
    List<String> paths = new ArrayList<>();

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--nodes-shown", paramLabel = "N", defaultValue = "" + PreviewText.NODES_SHOWN,
            description = "List each node when the inventory has at most N (default: ${DEFAULT-VALUE}); more are"
                    + " grouped by outcome and reason, with counts.")
    int nodesShown;

    @Option(names = "--alone", description = "Preview each DaemonSet on its own, not sharing the nodes with the other"
            + " DaemonSets given (which is the default: their pods bound by priority, then in the order given).")
    boolean alone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkspaceOptions.Opened opened;
        try {
            opened = workspaceOptions.openWithInputs("preview", paths, List.of(), err);
        } catch (InputFiles.UsageException e) {
            err.println("dsls preview: " + e.getMessage());
            return Main.USAGE;
        }
        CliWorkspace workspace = opened.workspace();
        List<InputFiles.Input> inputs = opened.inputs();
        DaemonSetLanguageService service = workspace.service;
        List<PreviewText.Previewed> previews = new ArrayList<>();
        long errors = 0;
        boolean anyInventory = !service.workspace().inventory().state().inventory().isEmpty();
        service.workspace().setAlone(alone);
        // Every file is read before any is previewed: each DaemonSet shares the nodes with all the others.
        List<ManifestFile> files = new ArrayList<>();
        for (InputFiles.Input input : inputs) {
            files.add(input.tooLarge() ? null : service.workspace().read(input.path(), input.bytes()));
        }
        for (int i = 0; i < inputs.size(); i++) {
            InputFiles.Input input = inputs.get(i);
            if (input.tooLarge()) {
                printError(err, input.path(), CheckCommand.tooLarge(input));
                errors++;
                continue;
            }
            ManifestFile file = files.get(i);
            errors += service.diagnostics(file).stream().filter(d -> d.severity() == Severity.ERROR)
                    .peek(d -> printError(err, input.path(), d)).count();
            anyInventory |= !service.inventory(file).isEmpty();
            previews.addAll(service.previews(file, null));
        }
        if (!anyInventory) {
            err.println("dsls preview: no node inventory: pass --nodes FILE (kubectl get nodes -o yaml > nodes.yaml),"
                    + " add .dsls/inventory.yaml to the workspace, or put kind: Node documents in the manifest file");
            return Main.USAGE;
        }
        if (format == Format.json) {
            List<JsonObject> objects = previews.stream().map(p -> PreviewJson.daemonSet(p.placement(), p.path())).toList();
            out.println(PreviewJson.toText(PreviewJson.document(objects)));
        } else {
            PreviewText.print(out, previews, nodesShown);
        }
        out.flush();
        err.flush();
        return errors > 0 ? Main.ERRORS_FOUND : Main.OK;
    }

    private static void printError(PrintWriter err, String path, Diagnostic d) {
        err.printf("%s:%d:%d: error: %s [%s]%n", path, d.range().start().line() + 1, d.range().start().character() + 1,
                d.message(), d.code());
    }
}
