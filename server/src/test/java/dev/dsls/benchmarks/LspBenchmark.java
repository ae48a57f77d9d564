package dev.dsls.benchmarks;

import dev.dsls.lsp.LspTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;

/**
 * The end-to-end benchmark of the editing path: drives the real server over stdio as an editor does and
 * prints cold start, first diagnostics, completion and hover latency, an edit storm and peak RSS.
 * Run: {@code mvn -q -pl server package -DskipTests && mvn -q -pl server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dsls.benchmarks.LspBenchmark [-Dexec.args="SERVER [REPETITIONS [NODES]]"]}, where SERVER
 * is an unpacked release's bin/dsls (as editors start the server) or a jar (default server/target/dsls.jar).
 * Each scenario runs in a workspace without an inventory and in one whose .dsls/inventory.yaml holds NODES
 * generated nodes (default 5000, a kubectl get nodes -o yaml listing), and prints the ratios between them.
 */
public final class LspBenchmark {
    /**
     * How the server starts: given the release's bin/dsls, through it, as editors start it (the flags of
     * its lib/jvm.options, its class-data-sharing archive in the user's cache); given a jar, with the
     * flags of the jvm.options beside it (server/target/jvm.options) and the build's archive
     * (server/target/dsls.jsa, valid only for that jar). Either way on this JVM, plus -Ddsls.bench.jvm.
     */
    static ProcessBuilder serverProcess(Path server) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String extra = System.getProperty("dsls.bench.jvm", "").strip();
        if (!server.toString().endsWith(".jar")) {
            ProcessBuilder launcher = new ProcessBuilder(server.toString(), "lsp");
            launcher.environment().put("DSLS_JAVA", java);
            launcher.environment().put("DSLS_JAVA_OPTS", extra);
            return launcher;
        }
        List<String> command = new ArrayList<>(List.of(java));
        Path options = server.resolveSibling("jvm.options");
        if (Files.exists(options)) {
            Files.readAllLines(options).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(command::add);
        } else {
            command.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr")); // stdout carries LSP
        }
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        Path archive = server.resolveSibling("dsls.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", server.toString(), "lsp"));
        return new ProcessBuilder(command);
    }

    private record Scenario(String name, String text, List<Position> positions) {
    }

    private static final class Server implements AutoCloseable {
        final Process process;
        final LspTestClient client = new LspTestClient();

        Server(Path jar) throws IOException {
            process = serverProcess(jar).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            client.connect(process.getInputStream(), process.getOutputStream());
        }

        void initialize(Path workspace) throws Exception {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(LspTestClient.capabilities(true));
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "bench")));
            params.setProcessId((int) ProcessHandle.current().pid());
            client.server.initialize(params).get(30, TimeUnit.SECONDS);
            client.server.initialized(new org.eclipse.lsp4j.InitializedParams());
        }

        long peakRssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws Exception {
            try {
                client.server.shutdown().get(10, TimeUnit.SECONDS);
                client.server.exit();
                process.waitFor(10, TimeUnit.SECONDS);
            } finally {
                process.destroyForcibly();
                client.close();
            }
        }
    }

    /** What one scenario measured, for the ratios between the runs without and with an inventory. */
    private record Figures(double firstPlacement, double completionMax, double hoverMax, double storm, long peakRssKb) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = (args.length > 0 ? Path.of(args[0]) : Files.exists(Path.of("server/target/dsls.jar"))
                ? Path.of("server/target/dsls.jar") : Path.of("target/dsls.jar")).toAbsolutePath();
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        ManifestGenerator generator = new ManifestGenerator(42);
        Path bare = Files.createTempDirectory("dsls-bench");
        Path withNodes = Files.createTempDirectory("dsls-bench");
        Files.createDirectories(withNodes.resolve(".dsls"));
        Files.writeString(withNodes.resolve(".dsls/inventory.yaml"),
                NodeInventoryGenerator.yaml(NodeInventoryGenerator.nodes(nodes, 42)));
        String small = generator.daemonSet(0);
        String large = generator.mixedFile(100);
        List<Scenario> scenarios = List.of(
                new Scenario("one DaemonSet", small, positions(small)),
                new Scenario("100 documents", large, positions(large)));
        System.out.printf("dsls LSP benchmark: %s, %d cores, Java %s; %s; without an inventory and with %d nodes (%d MB)%n",
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jar, nodes, Files.size(withNodes.resolve(".dsls/inventory.yaml")) >> 20);
        for (Scenario scenario : scenarios) {
            Figures without = run(jar, bare, scenario, repetitions, "without an inventory");
            Figures with = run(jar, withNodes, scenario, repetitions, "with " + nodes + " nodes");
            System.out.printf(Locale.ROOT, "  ratios with/without: 50-edit storm %.2fx, slowest completion %.2fx,"
                    + " slowest hover %.2fx, peak RSS %.2fx; first diagnostics with the placement %.0f ms%n",
                    with.storm() / without.storm(), with.completionMax() / without.completionMax(),
                    with.hoverMax() / without.hoverMax(), (double) with.peakRssKb() / without.peakRssKb(),
                    with.firstPlacement());
        }
    }

    /** Cursor positions a user hovers and completes at: keys and values at several depths. */
    private static List<Position> positions(String text) {
        List<Position> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && found.size() < 12; i++) {
            String trimmed = lines[i].stripLeading();
            if ((trimmed.startsWith("nodeSelector:") || trimmed.startsWith("image:") || trimmed.startsWith("operator:")
                    || trimmed.startsWith("selector:") || trimmed.startsWith("cpu:") || trimmed.startsWith("kind:"))
                    && i > found.size() * 3) {
                int column = lines[i].length() - trimmed.length();
                found.add(new Position(i, column + 2));
            }
        }
        return found;
    }

    private static Figures run(Path jar, Path workspace, Scenario scenario, int repetitions, String label)
            throws Exception {
        boolean inventory = Files.exists(workspace.resolve(".dsls/inventory.yaml"));
        String uri = workspace.resolve("bench.yaml").toUri().toString();
        int lines = scenario.text().split("\n").length;
        List<Double> initialize = new ArrayList<>();
        List<Double> firstDiagnostics = new ArrayList<>();
        List<Double> firstPlacement = new ArrayList<>();
        for (int spawn = 0; spawn < 5; spawn++) {
            long start = System.nanoTime();
            try (Server server = new Server(jar)) {
                server.initialize(workspace);
                initialize.add(millis(start));
                server.client.open(uri, scenario.text());
                server.client.awaitDiagnostics(uri, p -> true);
                firstDiagnostics.add(millis(start));
                if (inventory) {
                    server.client.awaitDiagnostics(uri, p -> p.getDiagnostics().stream()
                            .anyMatch(d -> "placement-summary".equals(d.getCode().getLeft())));
                    firstPlacement.add(millis(start));
                }
            }
        }
        try (Server server = new Server(jar)) {
            server.initialize(workspace);
            server.client.open(uri, scenario.text());
            // Steady state: with an inventory, once its load and the re-check it causes are done (timed above).
            server.client.awaitDiagnostics(uri, p -> !inventory || p.getDiagnostics().stream()
                    .anyMatch(d -> "placement-summary".equals(d.getCode().getLeft())));
            List<Double> completion = new ArrayList<>();
            List<Double> hover = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                Position position = scenario.positions().get(i % scenario.positions().size());
                long start = System.nanoTime();
                server.client.server.getTextDocumentService().completion(new CompletionParams(
                        new TextDocumentIdentifier(uri), position)).get(10, TimeUnit.SECONDS);
                completion.add(millis(start));
                start = System.nanoTime();
                server.client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                        position)).get(10, TimeUnit.SECONDS);
                hover.add(millis(start));
            }
            double storm = editStorm(server, uri, scenario.text());
            System.out.printf(Locale.ROOT, "%n%s (%d lines), %s:%n", scenario.name(), lines, label);
            System.out.printf(Locale.ROOT, "  spawn -> initialize        p50 %7.1f ms%n", percentile(initialize, 50));
            System.out.printf(Locale.ROOT, "  spawn -> first diagnostics p50 %7.1f ms%n", percentile(firstDiagnostics, 50));
            System.out.printf(Locale.ROOT, "  completion                 p50 %7.2f ms  p95 %7.2f ms  (%d requests)%n",
                    percentile(completion, 50), percentile(completion, 95), completion.size());
            System.out.printf(Locale.ROOT, "  hover                      p50 %7.2f ms  p95 %7.2f ms%n",
                    percentile(hover, 50), percentile(hover, 95));
            System.out.printf(Locale.ROOT, "  slowest completion / hover     %7.2f ms / %7.2f ms%n",
                    percentile(completion, 100), percentile(hover, 100));
            System.out.printf(Locale.ROOT, "  50-edit storm -> final diagnostics %7.1f ms%n", storm);
            long rss = server.peakRssKb();
            System.out.printf(Locale.ROOT, "  peak RSS %d MB%n", rss / 1024);
            return new Figures(firstPlacement.isEmpty() ? 0 : percentile(firstPlacement, 50), percentile(completion, 100),
                    percentile(hover, 100), storm, rss);
        }
    }

    /** Types 50 characters into a comment line as fast as the client sends them; returns last edit → its diagnostics. */
    private static double editStorm(Server server, String uri, String text) throws Exception {
        server.client.diagnostics.clear();
        int line = text.split("\n").length;
        long lastEdit = 0;
        for (int version = 2; version < 52; version++) {
            TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                    new Range(new Position(line, version - 2), new Position(line, version - 2)), version == 2 ? "#" : "x");
            lastEdit = System.nanoTime();
            server.client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
        }
        server.client.awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == 51);
        return millis(lastEdit);
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
