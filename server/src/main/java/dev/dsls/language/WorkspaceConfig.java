package dev.dsls.language;

import dev.dsls.diagnostics.CodeCatalog;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.SourceText;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlParser;
import dev.dsls.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code .dsls/config.yaml}: one configuration for the CLI, the language server and CI. Every key is
 * optional; editor settings and command-line flags override it. A file that does not read is not fatal:
 * its problems are diagnostics on it, and the keys that did read are used.
 *
 * @param file              the file read, or null for no configuration
 * @param inventory         inventory files (paths or globs relative to the workspace folder)
 * @param disabledChecks    codes to turn off
 * @param severities        code → the severity to report it with
 * @param minSeverity       the least severe findings to show, or null for the command's default
 * @param failOn            the least severe finding that fails a run ({@code never}: report only), or null
 * @param exclude           globs (relative to the workspace folder) of files not to check
 * @param kubernetesVersion the cluster's Kubernetes version (1.31), or null for the newest supported
 * @param problems          what is wrong with the file, with its line
 */
public record WorkspaceConfig(Path file, List<String> inventory, List<String> disabledChecks,
                              Map<String, Severity> severities, Severity minSeverity, String failOn,
                              List<String> exclude, KubernetesVersion kubernetesVersion, List<Diagnostic> problems) {
    public static final String DIRECTORY = ".dsls";
    public static final List<String> FILE_NAMES = List.of("config.yaml", "config.yml");
    public static final WorkspaceConfig NONE = new WorkspaceConfig(null, List.of(), List.of(), Map.of(), null, null,
            List.of(), null, List.of());

    public static final String SYNTAX = "config-syntax";
    public static final String UNKNOWN_KEY = "config-unknown-key";
    public static final String UNKNOWN_CODE = "config-unknown-code";
    public static final String INVALID_VALUE = "config-invalid-value";

    /** The values {@code failOn} and {@code --fail-on} take. */
    public static final List<String> FAIL_ON = List.of("error", "warning", "information", "never");
    private static final List<String> KEYS = List.of("inventory", "checks", "minSeverity", "failOn", "exclude",
            "kubernetesVersion");
    private static final List<String> CHECK_KEYS = List.of("disabled", "severity");
    private static final List<String> SEVERITIES = List.of("error", "warning", "information");

    /** The folder with a {@code .dsls} folder nearest above {@code start} (a file or folder), or null. */
    /** The files the {@code exclude} globs leave out, matched relative to the workspace root. */
    public java.util.function.Predicate<Path> excluded(Path root) {
        List<java.nio.file.PathMatcher> globs = exclude().stream()
                .map(glob -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        if (globs.isEmpty() || root == null) {
            return path -> false;
        }
        return path -> {
            Path absolute = path.toAbsolutePath().normalize();
            if (!absolute.startsWith(root)) {
                return false;
            }
            Path relative = root.relativize(absolute);
            return globs.stream().anyMatch(glob -> glob.matches(relative));
        };
    }

    public static Path findRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DIRECTORY))) {
                return dir;
            }
        }
        return null;
    }

    /** The configuration of a workspace folder: its {@code .dsls/config.yaml}, or {@link #NONE}. */
    public static WorkspaceConfig ofRoot(Path root) {
        if (root == null) {
            return NONE;
        }
        for (String name : FILE_NAMES) {
            Path file = root.resolve(DIRECTORY).resolve(name);
            if (Files.isRegularFile(file)) {
                return load(file);
            }
        }
        return NONE;
    }

    /** Reads a configuration file; an unreadable one is a problem on it, never an exception. */
    public static WorkspaceConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return withProblem(file, Diagnostic.of(Severity.ERROR, SYNTAX, "The configuration cannot be read: "
                    + e.getMessage() + ".", Range.of(0, 0, 0, 0)));
        }
        return parse(file, SourceText.decode(bytes).text());
    }

    static WorkspaceConfig parse(Path file, String text) {
        Reader reader = new Reader();
        YamlFile yaml = new YamlParser().parse(text);
        for (YamlDocument document : yaml.documents()) {
            for (YamlProblem problem : document.problems()) {
                reader.problem(Severity.ERROR, SYNTAX, problem.range(), problem.message());
            }
        }
        YamlDocument first = yaml.documents().isEmpty() ? null : yaml.documents().get(0);
        if (first != null && first.root() != null) {
            if (first.rootMap() == null) {
                reader.problem(Severity.ERROR, INVALID_VALUE, first.root().range(),
                        "The configuration must be a mapping of keys such as inventory, checks and failOn.");
            } else {
                reader.read(first.rootMap());
            }
        }
        return new WorkspaceConfig(file, reader.inventory, reader.disabled, reader.severities, reader.minSeverity,
                reader.failOn, reader.exclude, reader.kubernetesVersion, reader.problems);
    }

    private static WorkspaceConfig withProblem(Path file, Diagnostic problem) {
        return new WorkspaceConfig(file, List.of(), List.of(), Map.of(), null, null, List.of(), null, List.of(problem));
    }

    /** A severity name as the configuration and {@code --min-severity} take it, or null. */
    public static Severity severity(String name) {
        return name != null && SEVERITIES.contains(name) ? Severity.valueOf(name.toUpperCase(Locale.ROOT)) : null;
    }

    /** Collects keys and problems from the parsed mapping. */
    private static final class Reader {
        final List<Diagnostic> problems = new ArrayList<>();
        List<String> inventory = List.of();
        List<String> disabled = List.of();
        final Map<String, Severity> severities = new LinkedHashMap<>();
        Severity minSeverity;
        String failOn;
        List<String> exclude = List.of();
        KubernetesVersion kubernetesVersion;

        void read(YMap root) {
            for (YEntry entry : root.entries()) {
                switch (entry.name()) {
                    case "inventory" -> inventory = strings(entry);
                    case "exclude" -> exclude = strings(entry);
                    case "checks" -> checks(entry);
                    case "minSeverity" -> minSeverity = severityOf(entry.value(), "minSeverity");
                    case "failOn" -> failOn = choice(entry.value(), "failOn", FAIL_ON);
                    case "kubernetesVersion" -> kubernetesVersion = kubernetesVersion(entry.value());
                    default -> unknownKey(entry, KEYS, "");
                }
            }
        }

        private void checks(YEntry entry) {
            if (!(entry.value() instanceof YMap checks)) {
                problem(Severity.ERROR, INVALID_VALUE, entry.value().range(),
                        "checks must be a mapping with disabled (a list of codes) and severity (code: level).");
                return;
            }
            for (YEntry check : checks.entries()) {
                switch (check.name()) {
                    case "disabled" -> {
                        disabled = strings(check);
                        if (check.value() instanceof YSeq seq) {
                            seq.items().forEach(item -> knownCode(item));
                        }
                    }
                    case "severity" -> {
                        if (!(check.value() instanceof YMap levels)) {
                            problem(Severity.ERROR, INVALID_VALUE, check.value().range(),
                                    "checks.severity must map codes to error, warning or information.");
                            continue;
                        }
                        for (YEntry level : levels.entries()) {
                            Severity severity = severityOf(level.value(), "checks.severity." + level.name());
                            if (knownCode(level.key()) && severity != null) {
                                severities.put(level.name(), severity);
                            }
                        }
                    }
                    default -> unknownKey(check, CHECK_KEYS, "checks.");
                }
            }
        }

        private boolean knownCode(YNode node) {
            if (!(node instanceof YScalar scalar)) {
                return false;
            }
            Set<String> codes = CodeCatalog.codes();
            if (codes.contains(scalar.value())) {
                return true;
            }
            String suggestion = Suggestions.closest(scalar.value(), codes);
            problem(Severity.WARNING, UNKNOWN_CODE, scalar.range(), "dsls has no check \"" + scalar.value() + "\""
                    + (suggestion == null ? "; the codes are listed in the README." : "; did you mean \"" + suggestion + "\"?"));
            return false;
        }

        private void unknownKey(YEntry entry, List<String> known, String prefix) {
            String suggestion = Suggestions.closest(entry.name(), known);
            problem(Severity.WARNING, UNKNOWN_KEY, entry.key().range(), "Unknown key \"" + prefix + entry.name() + "\""
                    + (suggestion == null ? "; the keys are " + String.join(", ", known) + "."
                    : "; did you mean \"" + prefix + suggestion + "\"?"));
        }

        private List<String> strings(YEntry entry) {
            YNode value = entry.value();
            if (value instanceof YScalar scalar && !scalar.isNull()) {
                return List.of(scalar.value());
            }
            List<String> values = new ArrayList<>();
            if (value instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    if (item instanceof YScalar scalar && !scalar.isNull()) {
                        values.add(scalar.value());
                    } else {
                        problem(Severity.ERROR, INVALID_VALUE, item.range(), entry.name() + " takes a list of strings.");
                    }
                }
            } else if (!(value instanceof YScalar)) {
                problem(Severity.ERROR, INVALID_VALUE, value.range(), entry.name() + " takes a list of strings.");
            }
            return List.copyOf(values);
        }

        private String scalar(YNode value, String key) {
            if (value instanceof YScalar scalar && !scalar.isNull()) {
                return scalar.value();
            }
            problem(Severity.ERROR, INVALID_VALUE, value.range(), key + " takes a single value.");
            return null;
        }

        private KubernetesVersion kubernetesVersion(YNode value) {
            String text = scalar(value, "kubernetesVersion");
            if (text == null) {
                return null;
            }
            try {
                return KubernetesVersion.parse(text);
            } catch (IllegalArgumentException e) {
                problem(Severity.ERROR, INVALID_VALUE, value.range(), "kubernetesVersion: " + e.getMessage() + ".");
                return null;
            }
        }

        private String choice(YNode value, String key, List<String> allowed) {
            String text = scalar(value, key);
            if (text == null || allowed.contains(text)) {
                return text;
            }
            String suggestion = Suggestions.closest(text, allowed);
            problem(Severity.ERROR, INVALID_VALUE, value.range(), key + " is one of " + String.join(", ", allowed)
                    + (suggestion == null ? "." : "; did you mean \"" + suggestion + "\"?"));
            return null;
        }

        private Severity severityOf(YNode value, String key) {
            return severity(choice(value, key, SEVERITIES));
        }

        void problem(Severity severity, String code, Range range, String message) {
            problems.add(Diagnostic.of(severity, code, message, range));
        }
    }
}
