package dev.dsls.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifest files below a directory, as {@code dsls check DIR} and the editor's workspace folder see
 * them: *.yaml, *.yml and *.json, sorted, outside dot-directories, without the files of a Helm chart
 * that are templates rather than manifests.
 */
public final class ManifestFinder {
    private ManifestFinder() {
    }

    /** The manifests below the directory; each Helm chart skipped for its templates is added to {@code charts}. */
    public static List<Path> below(Path directory, Set<Path> charts) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(ManifestFinder::isManifestName)
                    .filter(path -> !isHidden(directory.relativize(path))).sorted()
                    .filter(path -> !isChartFile(path, charts)).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * A file of a Helm chart (the folder with Chart.yaml nearest above it) that is not a manifest as it
     * stands: its templates, its subcharts, Chart.yaml and values files. The chart is recorded for a note.
     */
    private static boolean isChartFile(Path file, Set<Path> charts) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                Path relative = dir.relativize(file);
                String first = relative.getName(0).toString();
                String name = file.getFileName().toString();
                boolean chartFile = first.equals("templates") || first.equals("charts") || relative.getNameCount() == 1
                        && (name.equals("Chart.yaml") || name.equals("Chart.lock") || name.startsWith("values"));
                if (chartFile && first.equals("templates")) {
                    charts.add(dir);
                }
                return chartFile;
            }
        }
        return false;
    }

    /** Dot-directories (.git, .dsls, .vscode) and node_modules hold tooling files, not manifests. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isManifestName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
