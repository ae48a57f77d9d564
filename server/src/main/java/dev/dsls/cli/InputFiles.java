package dev.dsls.cli;

import dev.dsls.language.ManifestFinder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Expands the PATH arguments of a command into manifest files: files, directories (recursively), or stdin. */
final class InputFiles {
    static final String STDIN = "-";

    /**
     * Files above this size are not read at all: no manifest is that large (the API server takes 3 MiB
     * per object), and reading one would only spend memory.
     */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** One input: its display path and its bytes (null when the file is over {@link #MAX_FILE_BYTES}). */
    record Input(String path, byte[] bytes, long size) {
        boolean tooLarge() {
            return bytes == null;
        }
    }

    private InputFiles() {
    }

    /**
     * The inputs of the arguments, in order. Files the workspace excludes are left out; so are the
     * templates, values and Chart.yaml of a Helm chart found in a directory, with one note per chart.
     */
    static List<Input> read(List<String> arguments, InputStream stdin, Predicate<Path> excluded, Consumer<String> notes)
            throws UsageException {
        List<Input> inputs = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals(STDIN)) {
                try {
                    byte[] bytes = stdin.readNBytes((int) MAX_FILE_BYTES + 1);
                    inputs.add(bytes.length > MAX_FILE_BYTES ? new Input("<stdin>", null, bytes.length)
                            : new Input("<stdin>", bytes, bytes.length));
                } catch (IOException e) {
                    throw new UsageException("cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                Set<Path> charts = new TreeSet<>();
                List<Path> manifests = manifestsBelow(path, charts).stream().filter(excluded.negate()).toList();
                charts.forEach(chart -> notes.accept(chart + " is a Helm chart: its templates are not manifests until"
                        + " rendered; check them with helm template " + chart + " | dsls check -"));
                if (manifests.isEmpty() && charts.isEmpty()) {
                    throw new UsageException(argument + ": no *.yaml, *.yml or *.json files in this directory");
                }
                for (Path manifest : manifests) {
                    inputs.add(readInput(manifest, manifest.toString()));
                }
            } else if (Files.exists(path)) {
                if (!excluded.test(path)) {
                    inputs.add(readInput(path, argument));
                }
            } else {
                throw new UsageException(argument + ": no such file or directory");
            }
        }
        return inputs;
    }

    private static Input readInput(Path path, String display) throws UsageException {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                return new Input(display, null, size);
            }
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read: " + e.getMessage());
        }
        byte[] bytes = readFile(path);
        return new Input(display, bytes, bytes.length);
    }

    static byte[] readFile(Path path) throws UsageException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw new UsageException(path + ": cannot read: " + e.getMessage());
        }
    }

    private static List<Path> manifestsBelow(Path directory, Set<Path> charts) throws UsageException {
        try {
            return ManifestFinder.below(directory, charts);
        } catch (IOException e) {
            throw new UsageException(directory + ": cannot list: " + e.getMessage());
        }
    }

    /** A problem with the command line or its files: reported on stderr with exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
