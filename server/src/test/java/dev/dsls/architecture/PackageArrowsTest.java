package dev.dsls.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the server are layers with one-way arrows: a package may use only the layers below it,
 * never one beside or above it, so there is no cycle. Read from the sources (imports and fully
 * qualified names), so a new arrow the wrong way fails here with the file that draws it.
 */
class PackageArrowsTest {
    /** Each package and its layer, bottom first; packages of one layer must not use each other. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("yaml", 0),
            Map.entry("schema", 1),
            Map.entry("diagnostics", 2),
            Map.entry("validation", 3),
            Map.entry("inventory", 3),
            Map.entry("scheduling", 4),
            Map.entry("preview", 5),
            Map.entry("analysis", 6),
            Map.entry("review", 7),
            Map.entry("language", 8),
            Map.entry("lsp", 9),
            Map.entry("cli", 10));
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "dsls");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.dsls\\.(\\w+)\\.");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrongWay = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String from = SOURCES.relativize(file).getName(0).toString();
                if (!LAYERS.containsKey(from)) {
                    unknown.add(from);
                    continue;
                }
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                TreeSet<String> used = new TreeSet<>();
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
                for (String to : used) {
                    if (!to.equals(from) && (!LAYERS.containsKey(to) || LAYERS.get(to) >= LAYERS.get(from))) {
                        wrongWay.add(SOURCES.relativize(file) + ": " + from + " -> " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), List.copyOf(unknown), "packages without a layer: add them to LAYERS");
        assertEquals(List.of(), wrongWay, "arrows against the layers");
    }
}
