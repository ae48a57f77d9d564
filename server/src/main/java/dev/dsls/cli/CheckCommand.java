package dev.dsls.cli;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.Inventory;
import dev.dsls.language.DaemonSetLanguageService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls check}: the diagnostics of the editor, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Report what the Kubernetes API server would reject in DaemonSet manifests, plus best"
                + " practices and (with --nodes) placement problems.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors found", "1:errors found", "2:usage or I/O problem"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github }

    static final String FILE_TOO_LARGE = "yaml-file-too-large";

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json), or - for stdin.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--nodes", paramLabel = "FILE",
            description = "A node inventory (kubectl get nodes -o yaml|json, optionally with pods); adds placement"
                    + " diagnostics. Repeatable.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "CODE", split = ",",
            description = "Turn off the check with this code (repeatable, or comma-separated).")
    List<String> disabled = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<InputFiles.Input> inputs;
        Inventory inventory;
        try {
            inventory = NodeInventoryFiles.load(nodes, "check", err);
            inputs = InputFiles.read(paths, System.in);
        } catch (InputFiles.UsageException e) {
            err.println("dsls check: " + e.getMessage());
            return Main.USAGE;
        }
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        service.workspace().inventory().use(inventory, nodes.stream().map(Path::of).toList());
        service.workspace().setDisabledChecks(disabled);
        List<CheckReport.FileResult> results = new ArrayList<>();
        for (InputFiles.Input input : inputs) {
            results.add(new CheckReport.FileResult(input.path(), input.tooLarge() ? List.of(tooLarge(input))
                    : service.diagnostics(service.workspace().read(input.path(), input.bytes()))));
        }
        CheckReport report = new CheckReport(results);
        switch (format) {
            case json -> out.println(report.toJson());
            case sarif -> out.println(report.toSarif());
            case github -> report.printGithub(out);
            default -> report.printText(out);
        }
        out.flush();
        return report.errorCount() > 0 ? Main.ERRORS_FOUND : Main.OK;
    }

    static Diagnostic tooLarge(InputFiles.Input input) {
        return new Diagnostic(Severity.ERROR, FILE_TOO_LARGE, String.format("The file has %d bytes, more than the"
                + " %d MiB dsls reads; a manifest that large cannot be applied (the API server takes 3 MiB per"
                + " object). Split it into smaller files.", input.size(), InputFiles.MAX_FILE_BYTES >> 20),
                dev.dsls.yaml.Range.of(0, 0, 0, 0), null, "Decode", Map.of());
    }
}
