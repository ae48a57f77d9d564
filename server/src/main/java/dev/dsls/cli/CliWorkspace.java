package dev.dsls.cli;

import dev.dsls.diagnostics.CodeCatalog;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.inventory.Inventory;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.WorkspaceConfig;
import dev.dsls.language.WorkspaceInventory;
import dev.dsls.schema.KubernetesVersion;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The workspace a CLI run works in, found as the editor finds it: the nearest folder above the first
 * input that has a {@code .dsls} folder, its {@code .dsls/config.yaml} and its inventory. Flags override
 * the configuration: {@code --config}, {@code --nodes}, {@code --disable}, {@code --kubernetes-version}.
 */
final class CliWorkspace {
    final DaemonSetLanguageService service = new DaemonSetLanguageService();
    final Path root;
    final WorkspaceConfig config;

    private CliWorkspace(Path root, WorkspaceConfig config) {
        this.root = root;
        this.config = config;
    }

    static CliWorkspace open(String command, List<String> paths, String configFile, List<String> nodes,
                             List<String> disabled, String kubernetesVersion, InputStream stdin, PrintWriter err)
            throws InputFiles.UsageException {
        if (nodes.contains(InputFiles.STDIN) && paths.contains(InputFiles.STDIN)) {
            throw new InputFiles.UsageException("standard input can hold the manifests or the inventory, not both");
        }
        for (String code : disabled) {
            if (!CodeCatalog.codes().contains(code)) {
                String suggestion = Suggestions.closest(code, CodeCatalog.codes());
                throw new InputFiles.UsageException("--disable " + code + ": dsls has no check of that code"
                        + (suggestion == null ? " (the codes are listed in the README)" : "; did you mean " + suggestion + "?"));
            }
        }
        KubernetesVersion version = null;
        if (kubernetesVersion != null) {
            try {
                version = KubernetesVersion.parse(kubernetesVersion);
            } catch (IllegalArgumentException e) {
                throw new InputFiles.UsageException("--kubernetes-version: " + e.getMessage());
            }
        }
        Path start = paths.stream().filter(p -> !p.equals(InputFiles.STDIN)).findFirst().map(Path::of)
                .orElse(Path.of(""));
        Path root = WorkspaceConfig.findRoot(start);
        WorkspaceConfig config;
        if (configFile != null) {
            if (!Files.isRegularFile(Path.of(configFile))) {
                throw new InputFiles.UsageException("--config " + configFile + ": no such file");
            }
            config = WorkspaceConfig.load(Path.of(configFile));
        } else {
            config = WorkspaceConfig.ofRoot(root);
        }
        CliWorkspace workspace = new CliWorkspace(root, config);
        Set<String> off = new LinkedHashSet<>(config.disabledChecks());
        off.addAll(disabled);
        workspace.service.workspace().setDisabledChecks(off);
        workspace.service.workspace().setConfig(config);
        workspace.service.workspace().setKubernetesVersion(version);
        workspace.loadInventory(command, nodes, stdin, err);
        return workspace;
    }

    private void loadInventory(String command, List<String> nodes, InputStream stdin, PrintWriter err)
            throws InputFiles.UsageException {
        WorkspaceInventory inventory = service.workspace().inventory();
        if (!nodes.isEmpty()) {
            inventory.use(NodeInventoryFiles.load(nodes, stdin, command, err), List.of());
            return;
        }
        List<Path> files = root == null ? List.of() : WorkspaceInventory.resolve(root, config.inventory());
        List<String> names = new ArrayList<>();
        files.forEach(file -> names.add(file.toString()));
        Inventory loaded = NodeInventoryFiles.load(names, stdin, command, err);
        inventory.use(loaded, files);
        if (!files.isEmpty()) {
            err.printf("dsls %s: inventory %s: %d node%s (workspace %s)%n", command, String.join(", ",
                    files.stream().map(f -> Path.of("").toAbsolutePath().relativize(f.toAbsolutePath()).toString()).toList()),
                    loaded.size(), loaded.size() == 1 ? "" : "s", root);
            err.flush();
        }
    }

    /** The least severe finding to show: the flag, else the configuration, else the format's default. */
    Severity minSeverity(String flag, Severity formatDefault) {
        Severity fromFlag = WorkspaceConfig.severity(flag);
        return fromFlag != null ? fromFlag : config.minSeverity() != null ? config.minSeverity() : formatDefault;
    }

    /** The least severe finding that fails the run, or null for never: the flag, else the configuration, else error. */
    Severity failOn(String flag) {
        String value = flag != null ? flag : config.failOn() != null ? config.failOn() : "error";
        return "never".equals(value) ? null : WorkspaceConfig.severity(value);
    }
}
