package dev.dsls.cli;

import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCache;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.Inventory;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.WorkspaceConfig;
import dev.dsls.preview.PreviewJson;
import dev.dsls.review.BaseRevision;
import dev.dsls.review.DaemonSetChange;
import dev.dsls.review.DaemonSetDiff;
import dev.dsls.review.FileVersion;
import dev.dsls.review.ReviewException;
import dev.dsls.review.ReviewReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls diff}: what a change to DaemonSet manifests does to the fleet, against a git revision. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Review a change: for each DaemonSet in the files, compare the working tree with the same files"
                + " at the git revision --base (read from the repository that holds them, no git process): the nodes"
                + " it gains and loses, whether the pod template changed and which pods that restarts in how many"
                + " waves, and what the API server rejects on update (spec.selector is immutable).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the update is accepted and nothing at or above --fail-on is found",
                "1:an update error, or findings at or above --fail-on (default: errors) in the files now",
                "2:usage or I/O problem (no git repository above a file, an unknown revision)"})
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json) in a git work tree.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--base", required = true, paramLabel = "REV",
            description = "The git revision to compare with: a branch, tag or commit (main, origin/main, HEAD~1, v1.2).")
    String base;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--disable", paramLabel = "CODE", split = ",",
            description = "Turn off the check with this code (repeatable, or comma-separated).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when the files as they are now have a finding at least this severe: error, warning,"
                    + " information or never (report only, update errors included; default: error).")
    String failOn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (failOn != null && !WorkspaceConfig.FAIL_ON.contains(failOn)) {
            return usage(err, "--fail-on " + failOn + ": use " + String.join(", ", WorkspaceConfig.FAIL_ON));
        }
        if (paths.contains(InputFiles.STDIN)) {
            return usage(err, "standard input has no git revision to compare with: name the files or folders");
        }
        WorkspaceOptions.Opened opened;
        try {
            opened = workspaceOptions.openWithInputs("diff", paths, disabled, err);
        } catch (InputFiles.UsageException e) {
            return usage(err, e.getMessage());
        }
        CliWorkspace workspace = opened.workspace();
        List<InputFiles.Input> inputs = opened.inputs();
        DaemonSetLanguageService service = workspace.service;
        Inventory inventory = service.workspace().inventory().state().inventory();
        Severity failLevel = workspace.failOn(failOn);
        Severity shownLevel = failLevel == null ? Severity.ERROR : failLevel;
        List<FileVersion> files = new ArrayList<>();
        int errors = 0;
        boolean findings = false;
        try (BaseRevision revision = new BaseRevision(base)) {
            Set<Path> seen = new LinkedHashSet<>();
            for (InputFiles.Input input : inputs) {
                Path path = Path.of(input.path());
                seen.add(path.toAbsolutePath().normalize());
                if (input.tooLarge()) {
                    print(err, input.path(), CheckCommand.tooLarge(input));
                    errors++;
                    findings = true;
                    continue;
                }
                byte[] old = revision.read(path);
                ManifestFile now = service.workspace().read(input.path(), input.bytes());
                for (Diagnostic d : service.diagnostics(now)) {
                    if (d.severity() == Severity.ERROR) {
                        errors++;
                    }
                    if (d.severity().compareTo(shownLevel) <= 0) {
                        findings |= failLevel != null;
                        print(err, input.path(), d);
                    }
                }
                files.add(new FileVersion(input.path(), old == null ? null : ManifestFile.read(input.path(), old), now));
            }
            Predicate<Path> excluded = CheckCommand.excluded(workspace);
            for (String argument : paths) {
                Path folder = Path.of(argument);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                for (Path gone : revision.deletedUnder(folder)) {
                    if (excluded.test(gone) || !seen.add(gone.toAbsolutePath().normalize())) {
                        continue;
                    }
                    byte[] old = revision.read(gone);
                    if (old != null) {
                        files.add(new FileVersion(gone.toString(), ManifestFile.read(gone.toString(), old), null));
                    }
                }
            }
        } catch (ReviewException e) {
            return usage(err, e.getMessage());
        }
        if (inventory.isEmpty()) {
            err.println("dsls diff: no node inventory: placements and restarts are counted over no node; pass --nodes"
                    + " FILE (kubectl get nodes -o yaml > nodes.yaml) or add .dsls/inventory.yaml to the workspace");
        }
        err.flush();
        PlacementCache placements = new PlacementCache();
        List<DaemonSetChange> changes = DaemonSetDiff.compare(files, inventory, placements::placement,
                placements::placement);
        ReviewReport report = new ReviewReport(base, changes, errors);
        switch (format) {
            case json -> out.println(PreviewJson.toText(report.toJson()));
            case markdown -> out.print(report.markdown());
            default -> out.print(report.text());
        }
        out.flush();
        boolean fails = failLevel != null && (findings || report.updateErrors() > 0);
        return fails ? Main.ERRORS_FOUND : Main.OK;
    }

    private static void print(PrintWriter err, String path, Diagnostic d) {
        err.printf("%s:%d:%d: %s: %s [%s]%n", path, d.range().start().line() + 1, d.range().start().character() + 1,
                d.severity().jsonName(), d.message(), d.code());
    }

    private static int usage(PrintWriter err, String message) {
        err.println("dsls diff: " + message);
        err.flush();
        return Main.USAGE;
    }
}
