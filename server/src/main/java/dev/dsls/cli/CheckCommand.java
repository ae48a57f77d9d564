package dev.dsls.cli;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.language.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls check}: the diagnostics of the editor, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Report what the Kubernetes API server would reject in DaemonSet manifests, best practices and"
                + " where each DaemonSet runs over the workspace's node inventory (.dsls/inventory.yaml) or --nodes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on found", "1:findings at or above --fail-on (default: errors)",
                "2:usage or I/O problem"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github, junit }

    static final String FILE_TOO_LARGE = "yaml-file-too-large";

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json), or - for stdin.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--disable", paramLabel = "CODE", split = ",",
            description = "Turn off the check with this code (repeatable, or comma-separated).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--alone", description = "Preview each DaemonSet on its own, not sharing the nodes with the other"
            + " DaemonSets given (which is the default: their pods bound by priority, then in the order given).")
    boolean alone;

    @Option(names = "--min-severity", paramLabel = "LEVEL",
            description = "Show findings at least this severe: error, warning or information (default: warning for"
                    + " text, with each DaemonSet's placement; information for the other formats).")
    String minSeverity;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at least this severe: error, warning, information or never"
                    + " (report only; default: error).")
    String failOn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minSeverity != null && WorkspaceConfig.severity(minSeverity) == null) {
            return usage(err, "--min-severity " + minSeverity + ": use error, warning or information");
        }
        if (failOn != null && !WorkspaceConfig.FAIL_ON.contains(failOn)) {
            return usage(err, "--fail-on " + failOn + ": use " + String.join(", ", WorkspaceConfig.FAIL_ON));
        }
        WorkspaceOptions.Opened opened;
        try {
            opened = workspaceOptions.openWithInputs("check", paths, disabled, err);
        } catch (InputFiles.UsageException e) {
            return usage(err, e.getMessage());
        }
        CliWorkspace workspace = opened.workspace();
        List<InputFiles.Input> inputs = opened.inputs();
        List<CheckReport.FileResult> results = new ArrayList<>();
        WorkspaceConfig settings = workspace.config;
        if (!settings.problems().isEmpty()) {
            results.add(new CheckReport.FileResult(settings.file().toString(), null, settings.problems()));
        }
        workspace.service.workspace().setAlone(alone);
        // Every file is read before any is checked: each DaemonSet is previewed with all the others.
        List<ManifestFile> files = new ArrayList<>();
        for (InputFiles.Input input : inputs) {
            files.add(input.tooLarge() ? null : workspace.service.workspace().read(input.path(), input.bytes()));
        }
        for (int i = 0; i < inputs.size(); i++) {
            InputFiles.Input input = inputs.get(i);
            if (input.tooLarge()) {
                results.add(new CheckReport.FileResult(input.path(), null, List.of(tooLarge(input))));
                continue;
            }
            ManifestFile file = files.get(i);
            results.add(new CheckReport.FileResult(input.path(), file, workspace.service.diagnostics(file)));
            if (file.hasGoTemplates()) {
                err.println("dsls check: " + input.path() + " holds Go template directives ({{ … }}): it is checked once"
                        + " rendered, e.g. helm template … | dsls check -");
            }
        }
        err.flush();
        CheckReport report = new CheckReport(results);
        CheckReport shown = report.shown(workspace.minSeverity(minSeverity,
                format == Format.text ? Severity.WARNING : Severity.INFORMATION), format == Format.text);
        switch (format) {
            case json -> out.println(shown.toJson());
            case sarif -> out.println(shown.toSarif());
            case github -> shown.printGithub(out);
            case junit -> out.print(shown.toJunit());
            default -> shown.printText(out, colour());
        }
        out.flush();
        return report.fails(workspace.failOn(failOn)) ? Main.ERRORS_FOUND : Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("dsls check: " + message);
        err.flush();
        return Main.USAGE;
    }

    /** The workspace's exclude globs, matched against paths relative to its folder. */
    static Predicate<Path> excluded(CliWorkspace workspace) {
        return workspace.config.excluded(workspace.root);
    }

    /** Colour on a terminal, unless NO_COLOR is set (no-color.org) or the terminal is dumb. */
    private static boolean colour() {
        Map<String, String> env = System.getenv();
        return System.console() != null && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    static Diagnostic tooLarge(InputFiles.Input input) {
        return new Diagnostic(Severity.ERROR, FILE_TOO_LARGE, String.format("The file has %d bytes, more than the"
                + " %d MiB dsls reads; a manifest that large cannot be applied (the API server takes 3 MiB per"
                + " object). Split it into smaller files.", input.size(), InputFiles.MAX_FILE_BYTES >> 20),
                dev.dsls.yaml.Range.of(0, 0, 0, 0), null, "Decode", Map.of());
    }
}
