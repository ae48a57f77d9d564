package dev.dsls.cli;

import com.google.gson.JsonObject;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.ManifestObject;
import dev.dsls.diagnostics.Severity;
import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.scheduling.DaemonSetStatus;
import dev.dsls.scheduling.NearMiss;
import dev.dsls.scheduling.NodePlacement;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.PlacementEvaluator;
import dev.dsls.scheduling.PreviewJson;
import dev.dsls.scheduling.Reason;
import dev.dsls.scheduling.RolloutPreview;
import dev.dsls.validation.CheckOptions;
import dev.dsls.validation.ManifestAnalyzer;
import dev.dsls.yaml.SourceText;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dsls preview}: where each DaemonSet would run over a node inventory, and why not elsewhere. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Preview on which nodes each DaemonSet's pods would run, which would stay Pending and why every"
                + " other node is excluded, with the status and rollout kubectl would show.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors found", "1:errors found in the manifests", "2:usage or I/O problem"})
final class PreviewCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Manifest files or directories (searched for *.yaml, *.yml, *.json), or - for stdin.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--nodes", paramLabel = "FILE",
            description = "A node inventory (kubectl get nodes -o yaml|json, optionally with pods). Repeatable. Files"
                    + " with their own Node documents are previewed against those too (a what-if).")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One previewed DaemonSet with the file it came from. */
    private record Previewed(String path, Placement placement) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory declared;
        List<InputFiles.Input> inputs;
        try {
            declared = NodeInventoryFiles.load(nodes, "preview", err);
            inputs = InputFiles.read(paths, System.in);
        } catch (InputFiles.UsageException e) {
            err.println("dsls preview: " + e.getMessage());
            return Main.USAGE;
        }
        List<Previewed> previews = new ArrayList<>();
        long errors = 0;
        boolean anyInventory = !declared.isEmpty();
        for (InputFiles.Input input : inputs) {
            if (input.tooLarge()) {
                printError(err, input.path(), CheckCommand.tooLarge(input));
                errors++;
                continue;
            }
            SourceText source = SourceText.decode(input.bytes());
            YamlFile file = new YamlParser().parse(source.text());
            errors += new ManifestAnalyzer().analyze(file, CheckOptions.DEFAULT).stream()
                    .filter(d -> d.severity() == Severity.ERROR).peek(d -> printError(err, input.path(), d)).count();
            Inventory inventory = declared.overriddenBy(InventoryReader.fromManifest(input.path(), file).toInventory());
            anyInventory |= !inventory.isEmpty();
            for (YamlDocument document : file.documents()) {
                for (ManifestObject daemonSet : ManifestAnalyzer.daemonSets(document)) {
                    previews.add(new Previewed(input.path(), PlacementEvaluator.evaluate(daemonSet, inventory)));
                }
            }
        }
        if (!anyInventory) {
            err.println("dsls preview: no node inventory: pass --nodes FILE (kubectl get nodes -o yaml > nodes.yaml),"
                    + " or put kind: Node documents in the manifest file");
            return Main.USAGE;
        }
        if (format == Format.json) {
            List<JsonObject> objects = previews.stream().map(p -> PreviewJson.daemonSet(p.placement(), p.path())).toList();
            out.println(PreviewJson.toText(PreviewJson.document(objects)));
        } else {
            printText(out, previews);
        }
        out.flush();
        err.flush();
        return errors > 0 ? Main.ERRORS_FOUND : Main.OK;
    }

    private static void printError(PrintWriter err, String path, Diagnostic d) {
        err.printf("%s:%d:%d: error: %s [%s]%n", path, d.range().start().line() + 1, d.range().start().character() + 1,
                d.message(), d.code());
    }

    private static void printText(PrintWriter out, List<Previewed> previews) {
        if (previews.isEmpty()) {
            out.println("No DaemonSet found.");
        }
        boolean first = true;
        for (Previewed preview : previews) {
            if (!first) {
                out.println();
            }
            first = false;
            Placement placement = preview.placement();
            out.printf("%s: DaemonSet %s/%s over %d node%s%n", preview.path(), placement.daemonSet().namespace(),
                    placement.daemonSet().name(), placement.nodes().size(), placement.nodes().size() == 1 ? "" : "s");
            DaemonSetStatus status = placement.status();
            TextTable summary = new TextTable("NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE",
                    "NODE SELECTOR");
            summary.row(placement.daemonSet().name(), status.desiredNumberScheduled(), status.currentNumberScheduled(),
                    status.numberReady(), status.updatedNumberScheduled(), status.numberAvailable(),
                    placement.daemonSet().affinity().nodeSelectorText());
            summary.print(out);
            out.println();
            TextTable nodes = new TextTable("NODE", "RUNS", "REASON");
            List<String> nearMisses = new ArrayList<>();
            for (NodePlacement node : placement.nodes()) {
                List<Reason> reasons = node.reasons();
                String reason = reasons.isEmpty() ? "" : reasons.get(0).code().code() + ": " + reasons.get(0).message()
                        + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
                nodes.row(node.name(), node.runs().text(), reason);
                NearMiss nearMiss = node.nearMiss();
                if (nearMiss != null) {
                    nearMisses.add(node.name() + ": " + nearMiss.message());
                }
            }
            nodes.print(out);
            for (String nearMiss : nearMisses) {
                out.println("near miss: " + nearMiss);
            }
            out.println("rollout: " + describe(placement.rollout()));
        }
    }

    private static String describe(RolloutPreview rollout) {
        if (rollout.error() != null) {
            return rollout.strategy() + ": " + rollout.error();
        }
        if (rollout.waves() == null) {
            return rollout.note();
        }
        if (rollout.waves() == 0) {
            return rollout.strategy() + ": no node is desired, so there is nothing to roll out";
        }
        return String.format("%s, maxUnavailable %d, maxSurge %d: %d wave%s, at least %ds (minReadySeconds %d); %s",
                rollout.strategy(), rollout.maxUnavailable(), rollout.maxSurge(), rollout.waves(),
                rollout.waves() == 1 ? "" : "s", rollout.minimumDurationSeconds(), rollout.minReadySeconds(), rollout.note());
    }
}
