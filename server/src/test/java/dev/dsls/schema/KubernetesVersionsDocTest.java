package dev.dsls.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * docs/kubernetes-versions.md lists exactly the supported versions and the fields that arrived or left
 * between them, as the generated schema has them: a new client release cannot change the fields
 * without the page saying so.
 */
class KubernetesVersionsDocTest {
    private static final Path DOC = Path.of("..", "docs", "kubernetes-versions.md");

    @Test
    void theVersionTableListsTheSupportedVersions() throws IOException {
        List<String> documented = rows(section("## Where the versions come from")).stream().map(row -> row.get(0))
                .toList();
        assertEquals(KubernetesSchema.get().supportedVersions().stream().map(KubernetesVersion::toString).toList(),
                documented);
    }

    /**
     * A row per field whose versions are its own, not those of the type it belongs to (the fields of a type
     * that arrived with its field come and go with it): {@code Type.field since removedIn}.
     */
    @Test
    void theFieldTableListsEveryFieldThatArrivedOrLeft() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, JsonElement> type : schemaJson().getAsJsonObject("types").entrySet()) {
            JsonObject typeJson = type.getValue().getAsJsonObject();
            for (Map.Entry<String, JsonElement> field : typeJson.getAsJsonObject("fields").entrySet()) {
                JsonObject fieldJson = field.getValue().getAsJsonObject();
                String since = text(fieldJson, "since");
                String removedIn = text(fieldJson, "removedIn");
                if (!Objects.equals(since, text(typeJson, "since")) || !Objects.equals(removedIn, text(typeJson, "removedIn"))) {
                    expected.add(type.getKey() + "." + field.getKey() + " " + since + " " + removedIn);
                }
            }
        }
        List<String> documented = rows(section("## Fields that differ per version")).stream()
                .map(row -> row.get(0).replace("`", "") + " " + version(row.get(2)) + " " + version(row.get(3)))
                .toList();
        assertEquals(expected.stream().sorted().toList(), documented.stream().sorted().toList());
    }

    private static String text(JsonObject json, String member) {
        return json.has(member) ? json.get(member).getAsString() : null;
    }

    /** A table cell's version, or null for the dash of none. */
    private static String version(String cell) {
        return cell.equals("—") ? null : cell;
    }

    private static JsonObject schemaJson() throws IOException {
        try (InputStream in = KubernetesSchema.class.getResourceAsStream("kubernetes-schema.json");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        }
    }

    /** The lines of the page from the heading to the next heading of its level. */
    private static List<String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /** The cells of a section's table rows, without the header and its rule. */
    private static List<List<String>> rows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        List<String> table = lines.stream().filter(line -> line.startsWith("|")).toList();
        for (String line : table.subList(Math.min(2, table.size()), table.size())) {
            String inner = line.substring(1, line.lastIndexOf('|'));
            rows.add(List.of(inner.split("\\|", -1)).stream().map(String::strip).toList());
        }
        return rows;
    }
}
