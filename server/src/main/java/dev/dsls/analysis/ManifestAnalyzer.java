package dev.dsls.analysis;

import dev.dsls.diagnostics.DataKeys;

import dev.dsls.validation.ApiValidation;
import dev.dsls.validation.BestPractices;
import dev.dsls.validation.FeatureGates;
import dev.dsls.validation.SchemaCheck;

import dev.dsls.diagnostics.CodeCatalog;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlPath;
import dev.dsls.yaml.YamlProblem;
import dev.dsls.yaml.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Runs every check over the DaemonSets of a YAML file. Documents that are not DaemonSets get no
 * diagnostics at all: other kinds and non-Kubernetes YAML are not dsls' business.
 */
public final class ManifestAnalyzer {
    /** An annotation that turns one check off for one DaemonSet, as kube-linter's ignore-check does. */
    public static final String IGNORE_ANNOTATION_PREFIX = "ignore-check.dsls.dev/";
    public static final String UNSERVED_API_VERSION = "unserved-api-version";
    public static final String UNKNOWN_IGNORE_ANNOTATION = "unknown-ignore-annotation";

    private static final Pattern LOOKS_LIKE_DAEMONSET = Pattern.compile("(?m)^\\s*kind\\s*:\\s*[\"']?DaemonSet\\b");
    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparing((Diagnostic d) -> d.range().start())
            .thenComparing(d -> d.range().end())
            .thenComparing(Diagnostic::code);

    /** The built-in checks of each Kubernetes version checked against, made on first use. */
    private final Map<KubernetesVersion, List<ObjectCheck>> builtInChecks = new ConcurrentHashMap<>();

    /** Decoding (SchemaCheck reads the version from the sink), the version's API validation, best practices. */
    private static List<ObjectCheck> builtInChecks(KubernetesVersion version) {
        return List.of(new SchemaCheck(), new ApiValidation(new FeatureGates(version.minor())), new BestPractices());
    }

    public List<Diagnostic> analyze(YamlFile file, CheckOptions options) {
        List<Diagnostic> all = new ArrayList<>();
        for (YamlDocument document : file.documents()) {
            all.addAll(analyze(file, document, options));
        }
        return all;
    }

    /** The diagnostics of one document, sorted by position. */
    public List<Diagnostic> analyze(YamlFile file, YamlDocument document, CheckOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (isGoTemplate(file, document)) {
            return diagnostics;
        }
        List<ManifestObject> daemonSets = ManifestObject.daemonSets(document);
        if (daemonSets.isEmpty() && !(document.hasProblems() && looksLikeDaemonSet(file, document))) {
            return diagnostics;
        }
        for (YamlProblem problem : document.problems()) {
            if (!options.disabledCodes().contains(problem.code())) {
                diagnostics.add(new Diagnostic(Severity.ERROR, problem.code(), problem.message(), problem.range(),
                        null, "Decode", Map.of()));
            }
        }
        List<ObjectCheck> builtIn = builtInChecks.computeIfAbsent(options.kubernetesVersion(),
                ManifestAnalyzer::builtInChecks);
        for (ManifestObject daemonSet : daemonSets) {
            DiagnosticSink sink = new DiagnosticSink(daemonSet, options.kubernetesVersion());
            if (ManifestObject.RETIRED_DAEMONSET_API_VERSIONS.contains(daemonSet.apiVersion())) {
                reportRetiredApiVersion(daemonSet, sink);
            } else {
                for (ObjectCheck check : builtIn) {
                    check.check(daemonSet, sink);
                }
                for (ObjectCheck check : options.extraChecks()) {
                    check.check(daemonSet, sink);
                }
            }
            reportUnknownIgnoreAnnotations(daemonSet, sink);
            Set<String> ignoredHere = ignoredCodes(daemonSet);
            for (Diagnostic diagnostic : withoutWhatUnknownFieldsHide(daemonSet, sink.diagnostics())) {
                if (!options.disabledCodes().contains(diagnostic.code()) && !ignoredHere.contains(diagnostic.code())) {
                    diagnostics.add(diagnostic);
                }
            }
        }
        diagnostics.sort(BY_POSITION);
        return diagnostics;
    }

    /**
     * Strict decoding rejects an unknown field before validation runs, so the API server says nothing about
     * what the field holds: a field of a later Kubernetes version (pod-level resources at 1.31) gets its
     * unknown-field error alone, not also what the newest version's validation finds inside it.
     */
    private static List<Diagnostic> withoutWhatUnknownFieldsHide(ManifestObject daemonSet, List<Diagnostic> diagnostics) {
        List<UnknownField> unknown = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.code().equals(SchemaCheck.UNKNOWN_FIELD)) {
                YEntry entry = entryAt(daemonSet, diagnostic.field());
                // The error marks the key: an entry elsewhere is one a dotted key name made the path find.
                if (entry != null && entry.key().range().equals(diagnostic.range())) {
                    unknown.add(new UnknownField(diagnostic.field(), entry.range()));
                }
            }
        }
        if (unknown.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().filter(d -> d.code().equals(SchemaCheck.UNKNOWN_FIELD)
                || unknown.stream().noneMatch(field -> field.hides(d))).toList();
    }

    /** The entry of a field path as the API server prints it, or null (also for a key the path syntax cannot hold). */
    private static YEntry entryAt(ManifestObject daemonSet, String field) {
        try {
            YamlPath path = YamlPath.parse(field);
            return !path.isRoot() && path.parent().resolve(daemonSet.root()) instanceof YMap parent
                    ? parent.entry(path.last().key()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A field strict decoding rejects: its path as the API server prints it, and its entry from key to value. */
    private record UnknownField(String path, Range entry) {
        /** True for a diagnostic about what the field holds: at or under its path, or inside its entry. */
        boolean hides(Diagnostic diagnostic) {
            String field = diagnostic.field();
            boolean under = field != null && (field.equals(path) || field.startsWith(path + ".")
                    || field.startsWith(path + "["));
            boolean inside = !diagnostic.range().start().isBefore(entry.start())
                    && !entry.end().isBefore(diagnostic.range().end());
            return under || inside;
        }
    }

    /**
     * A Helm or other Go template ({@code {{ … }}} where YAML cannot take it) is not a manifest until it is
     * rendered: it gets no diagnostics, rather than a syntax error per directive.
     */
    public static boolean isGoTemplate(YamlFile file, YamlDocument document) {
        return document.hasProblems() && file.text().substring(document.startOffset(), document.endOffset()).contains("{{");
    }

    private static boolean looksLikeDaemonSet(YamlFile file, YamlDocument document) {
        return LOOKS_LIKE_DAEMONSET.matcher(file.text().substring(document.startOffset(), document.endOffset())).find();
    }

    private static void reportRetiredApiVersion(ManifestObject daemonSet, DiagnosticSink sink) {
        YNode apiVersion = daemonSet.root().get("apiVersion");
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, UNSERVED_API_VERSION, String.format(
                "no matches for kind \"DaemonSet\" in version \"%s\": Kubernetes stopped serving DaemonSets from %s"
                        + " in 1.16. Use apiVersion: apps/v1 (it requires spec.selector to match the template labels).",
                daemonSet.apiVersion(), daemonSet.apiVersion()), apiVersion.range(), "apiVersion", "Decode",
                Map.of(DataKeys.REPLACEMENT, "apps/v1"));
        sink.add(diagnostic);
    }

    /**
     * An ignore annotation that turns nothing off: a code dsls does not have, or a misspelled prefix.
     * Either way the finding it was meant for still shows, so say why.
     */
    private static void reportUnknownIgnoreAnnotations(ManifestObject daemonSet, DiagnosticSink sink) {
        YMap metadata = daemonSet.root().map("metadata");
        YMap annotations = metadata == null ? null : metadata.map("annotations");
        if (annotations == null) {
            return;
        }
        String prefix = IGNORE_ANNOTATION_PREFIX.substring(0, IGNORE_ANNOTATION_PREFIX.length() - 1);
        for (YEntry entry : annotations.entries()) {
            int slash = entry.name().indexOf('/');
            if (slash < 0) {
                continue;
            }
            String code = entry.name().substring(slash + 1);
            String given = entry.name().substring(0, slash);
            String message = null;
            if (given.equals(prefix) && !CodeCatalog.codes().contains(code)) {
                String suggestion = Suggestions.closest(code, CodeCatalog.codes());
                message = String.format("%s names no dsls check, so it turns nothing off%s", entry.name(),
                        suggestion == null ? "; the codes are listed in the README." : "; did you mean "
                                + IGNORE_ANNOTATION_PREFIX + suggestion + "?");
            } else if (!given.equals(prefix) && Suggestions.closest(given, List.of(prefix)) != null) {
                message = String.format("%s turns nothing off; did you mean %s%s?", entry.name(), IGNORE_ANNOTATION_PREFIX,
                        code);
            }
            if (message != null) {
                sink.report(Severity.WARNING, UNKNOWN_IGNORE_ANNOTATION, entry.key().range(), message);
            }
        }
    }

    private static Set<String> ignoredCodes(ManifestObject daemonSet) {
        YMap metadata = daemonSet.root().map("metadata");
        YMap annotations = metadata == null ? null : metadata.map("annotations");
        if (annotations == null) {
            return Set.of();
        }
        Set<String> codes = new java.util.HashSet<>();
        annotations.entries().forEach(entry -> {
            if (entry.name().startsWith(IGNORE_ANNOTATION_PREFIX)) {
                codes.add(entry.name().substring(IGNORE_ANNOTATION_PREFIX.length()));
            }
        });
        return codes;
    }
}
