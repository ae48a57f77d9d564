package dev.dsls.reliability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.dsls.cli.CliRunner;
import dev.dsls.lsp.LspTestClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * Prints how long each hostile input takes through {@code dsls check} and through the language server
 * (didOpen to diagnostics, then completion and hover at five positions), and the memory it needs:
 *
 * <pre>mvn -q -pl server process-test-classes exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dsls.reliability.HostileInputReport</pre>
 *
 * {@code -Ddsls.report.inputs=MB;alias} selects the inputs whose names contain one of those words. Peak heap is the sum of the heap pools' peaks since the input started (an upper bound); peak RSS is
 * the process's high-water mark since then (Linux, reset through /proc/self/clear_refs). Each input runs
 * once to warm up and is measured on its second run.
 */
public final class HostileInputReport {
    private HostileInputReport() {
    }

    record Row(String name, long bytes, long checkMillis, long diagnosticsMillis, long requestsMillis,
               long peakHeapMb, long retainedMb, long peakRssMb, String codes) {
    }

    public static void main(String[] args) throws Exception {
        List<String> only = List.of(System.getProperty("dsls.report.inputs", "").split(";")).stream()
                .filter(name -> !name.isBlank()).toList();
        Path workspace = Files.createTempDirectory("dsls-hostile");
        List<Row> rows = new ArrayList<>();
        try (LspTestClient client = LspTestClient.inProcess()) {
            client.initialize(workspace, true, null);
            int run = 0;
            for (HostileInputs.Hostile input : HostileInputs.all()) {
                if (!only.isEmpty() && only.stream().noneMatch(input.name()::contains)) {
                    continue;
                }
                measure(client, workspace, input, run++);
                rows.add(measure(client, workspace, input, run++));
            }
        }
        System.out.printf("dsls hostile-input report: %d cores, max heap %d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        String format = "%-34s %10s %9s %9s %9s %8s %8s %7s  %s%n";
        System.out.printf(format, "input", "bytes", "check ms", "open ms", "10 req ms", "peak MB", "kept MB",
                "RSS MB", "error codes (dsls check)");
        for (Row row : rows) {
            System.out.printf(format, row.name(), row.bytes(), row.checkMillis(), row.diagnosticsMillis(),
                    row.requestsMillis(), row.peakHeapMb(), row.retainedMb(), row.peakRssMb() < 0 ? "n/a" : row.peakRssMb(),
                    row.codes());
        }
        System.out.println("check ms: dsls check --format json of the file; open ms: didOpen until its diagnostics;"
                + " 10 req ms: completion and hover at 5 positions; peak MB: heap pools' peak (garbage included);"
                + " kept MB: heap still used after a GC with the document open; RSS MB: process high-water mark.");
        deleteQuietly(workspace);
    }

    private static Row measure(LspTestClient client, Path workspace, HostileInputs.Hostile input, int run) throws Exception {
        byte[] bytes = input.bytes().get();
        Path file = workspace.resolve("hostile-" + run + ".yaml");
        Files.write(file, bytes);
        String text = input.editorText();
        long baseline = usedAfterGc();
        resetPeaks();

        long start = System.nanoTime();
        CliRunner.Result result = CliRunner.run("check", "--format", "json", file.toString());
        long checkMillis = (System.nanoTime() - start) / 1_000_000;

        String uri = file.toUri().toString();
        start = System.nanoTime();
        client.open(uri, text);
        client.awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == 1);
        long diagnosticsMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        LspProbe.completeAndHover(client, uri, LspProbe.positions(text));
        long requestsMillis = (System.nanoTime() - start) / 1_000_000;
        long heap = peakHeap() >> 20;
        long rss = peakRssKb();
        long retained = Math.max(0, usedAfterGc() - baseline) >> 20;
        client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        Files.delete(file);
        return new Row(input.name(), bytes.length, checkMillis, diagnosticsMillis, requestsMillis, heap, retained,
                rss < 0 ? -1 : rss >> 10, codes(result.out()));
    }

    private static String codes(String json) {
        TreeSet<String> codes = new TreeSet<>();
        JsonArray files = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("files");
        for (JsonElement diagnostic : files.get(0).getAsJsonObject().getAsJsonArray("diagnostics")) {
            if (diagnostic.getAsJsonObject().get("severity").getAsString().equals("error")) {
                codes.add(diagnostic.getAsJsonObject().get("code").getAsString());
            }
        }
        return String.join(",", codes);
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the RSS column then shows the high-water mark of the whole run
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
