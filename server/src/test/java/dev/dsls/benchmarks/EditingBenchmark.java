package dev.dsls.benchmarks;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.language.ClientFeatures;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.FeatureRequest;
import dev.dsls.analysis.CheckOptions;
import dev.dsls.analysis.ManifestAnalyzer;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The editing path without JSON-RPC: parsing a multi-document file of about 5000 lines, checking it,
 * re-parsing after a one-character edit, and computing completion and hover at a nodeSelector.
 * Run through org.openjdk.jmh.Main (see the README).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EditingBenchmark {
    @State(Scope.Benchmark)
    public static class Manifests {
        String file;
        String edited;
        YamlFile parsed;
        Position nodeSelectorValue;
        Position containersKey;
        DaemonSetLanguageService service;
        ManifestFile manifest;

        @Setup
        public void generate() {
            file = new ManifestGenerator(7).mixedFile(104);
            parsed = new YamlParser().parse(file);
            int at = file.indexOf("kubernetes.io/os: linux", file.length() / 2);
            edited = file.substring(0, at) + "#" + file.substring(at);
            String[] lines = file.substring(0, at).split("\n", -1);
            nodeSelectorValue = new Position(lines.length - 1, lines[lines.length - 1].length() + "kubernetes.io/os: li".length());
            int containers = file.indexOf("      containers:", at);
            String[] before = file.substring(0, containers).split("\n", -1);
            containersKey = new Position(before.length - 1, 9);
            service = new DaemonSetLanguageService();
            manifest = service.workspace().edit("file:///bench.yaml", 1, file);
            manifest.yaml();
        }
    }

    @Benchmark
    public YamlFile parse(Manifests manifests) {
        return new YamlParser().parse(manifests.file);
    }

    @Benchmark
    public YamlFile reparseAfterOneEdit(Manifests manifests) {
        return new YamlParser().parse(manifests.edited, manifests.parsed);
    }

    @Benchmark
    public List<Diagnostic> validate(Manifests manifests) {
        return new ManifestAnalyzer().analyze(manifests.parsed, CheckOptions.DEFAULT);
    }

    @Benchmark
    public List<CompletionItem> completeNodeSelectorValue(Manifests manifests) {
        return manifests.service.completion(new FeatureRequest(manifests.manifest, manifests.nodeSelectorValue,
                ClientFeatures.RICH));
    }

    @Benchmark
    public Hover hoverField(Manifests manifests) {
        return manifests.service.hover(new FeatureRequest(manifests.manifest, manifests.containersKey, ClientFeatures.RICH));
    }
}
