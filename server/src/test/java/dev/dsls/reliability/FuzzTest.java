package dev.dsls.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.inventory.InventoryLoader;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.language.ClientFeatures;
import dev.dsls.language.DaemonSetLanguageService;
import dev.dsls.language.FeatureRequest;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.SourceText;
import dev.dsls.yaml.TextIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated samples through everything the server computes: parse, validate, placement against the
 * samples' kind cluster, code lenses, preview, symbols, folding, quick fixes, and completion and hover
 * at random positions (inside, at and past the end). No exception may escape, and every diagnostic
 * range must lie inside the text in order.
 *
 * <p>CI runs {@code jqwik.tries.default} tries (src/test/resources/junit-platform.properties); a long run:
 * {@code mvn -o -pl server test -Dtest=FuzzTest -Djqwik.tries.default=100000}.
 */
class FuzzTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final List<String> TOKENS = List.of("\n", "  ", "- ", ": ", "#", "{", "}", "[", "]", "\"", "'",
            "&a", "*a", "<<: *a", "---\n", "...\n", "\t", "\r", "\r\n", "\0", "!!binary ", "!custom ", "? ", "|", ">-",
            "%YAML 1.1\n", "é", "\uD83D\uDE00", "\uFEFF", "key: value", "- operator: Exists", "effect: NoSchedule",
            "nodeSelector: {gpu: cuda}", "matchExpressions: [{key: a, operator: In, values: [b]}]", "cpu: 1e9",
            "memory: 99999999999Ei", "hostPort: 99999", "maxUnavailable: 101%", "maxSurge: -1", "kind: Node",
            "apiVersion: v1", "kind: List\nitems:\n", "0x1F", ".inf", "~", "null", "yes");

    private static final DaemonSetLanguageService SERVICE = serviceWithSampleInventory();
    private static final List<byte[]> SEEDS = samples();

    /** One change to the bytes of a sample; the numbers pick where, scaled to the input's size. */
    record Mutation(Kind kind, int where, int amount, String token) {
        enum Kind { FLIP_BYTE, DELETE_LINE, DUPLICATE_LINE, SHIFT_INDENT, INSERT_TOKEN, TRUNCATE }

        byte[] apply(byte[] bytes) {
            if (bytes.length == 0) {
                return token.getBytes(StandardCharsets.UTF_8);
            }
            int at = Math.floorMod(where, bytes.length);
            return switch (kind) {
                case FLIP_BYTE -> {
                    byte[] copy = bytes.clone();
                    copy[at] = (byte) amount;
                    yield copy;
                }
                case TRUNCATE -> Arrays.copyOf(bytes, at);
                case INSERT_TOKEN -> HostileInputs.concat(Arrays.copyOfRange(bytes, 0, at),
                        token.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(bytes, at, bytes.length));
                default -> lines(bytes, at);
            };
        }

        private byte[] lines(byte[] bytes, int at) {
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
            int line = Math.floorMod(where, lines.size());
            switch (kind) {
                case DELETE_LINE -> lines.remove(line);
                case DUPLICATE_LINE -> lines.add(line, lines.get(line));
                default -> {
                    String text = lines.get(line);
                    int shift = Math.floorMod(amount, 9) - 4;
                    lines.set(line, shift >= 0 ? " ".repeat(shift) + text : text.substring(Math.min(text.length(),
                            Math.min(-shift, text.length() - text.stripLeading().length()))));
                }
            }
            return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(-128, 127),
                Arbitraries.of(TOKENS)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(SEEDS), mutation.list().ofMaxSize(12)).as((seed, mutations) -> {
            byte[] bytes = seed;
            for (Mutation m : mutations) {
                bytes = m.apply(bytes);
            }
            return bytes;
        });
    }

    @Provide
    Arbitrary<List<Position>> positions() {
        return Combinators.combine(Arbitraries.integers().between(-1, 200), Arbitraries.integers().between(-1, 120))
                .as(Position::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void noInputBreaksTheServerPipeline(@ForAll("mutatedSamples") byte[] bytes, @ForAll("positions") List<Position> positions) {
        String uri = "file:///fuzz/ds.yaml";
        ManifestFile file = SERVICE.workspace().edit(uri, 1, SourceText.decode(bytes).text());
        List<Diagnostic> diagnostics = SERVICE.diagnostics(file);
        assertRangesInside(file.yaml().index(), diagnostics);
        SERVICE.codeLenses(file);
        SERVICE.placementJson(file, null);
        SERVICE.symbols(file);
        SERVICE.foldingRanges(file);
        SERVICE.codeActions(file, diagnostics, new Range(new Position(0, 0),
                file.yaml().index().positionAt(file.text().length())));
        for (Position position : positions) {
            SERVICE.completion(new FeatureRequest(file, position, ClientFeatures.RICH));
            SERVICE.completion(new FeatureRequest(file, position, ClientFeatures.PLAIN));
            SERVICE.hover(new FeatureRequest(file, position, ClientFeatures.RICH));
            SERVICE.placementJson(file, position);
            SERVICE.codeActions(file, diagnostics, new Range(position, position));
        }
    }

    private static void assertRangesInside(TextIndex index, List<Diagnostic> diagnostics) {
        Position end = index.positionAt(index.text().length());
        for (Diagnostic diagnostic : diagnostics) {
            var range = diagnostic.range();
            assertTrue(!range.end().isBefore(range.start()) && !end.isBefore(range.end())
                    && index.positionAt(index.offsetAt(range.start())).equals(range.start()),
                    () -> diagnostic + " lies outside the text or splits a line break (text ends at " + end + ")");
        }
    }

    private static DaemonSetLanguageService serviceWithSampleInventory() {
        DaemonSetLanguageService service = new DaemonSetLanguageService();
        try {
            Path inventory = SAMPLES.resolve(".dsls").resolve("inventory.yaml");
            service.workspace().inventory().use(InventoryLoader.load(List.of(inventory)).inventory(), List.of(inventory));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> samples() {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
