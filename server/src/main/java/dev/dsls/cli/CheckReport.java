package dev.dsls.cli;

import dev.dsls.language.DslsVersion;

import com.google.gson.GsonBuilder;
import dev.dsls.diagnostics.CodeCatalog;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The result of {@code dsls check} over several files, in text, JSON or SARIF. */
final class CheckReport {
    record FileResult(String path, List<Diagnostic> diagnostics) {
    }

    private final List<FileResult> files;

    CheckReport(List<FileResult> files) {
        this.files = files;
    }

    long errorCount() {
        return count(Severity.ERROR);
    }

    private long count(Severity severity) {
        return files.stream().flatMap(f -> f.diagnostics().stream()).filter(d -> d.severity() == severity).count();
    }

    void printText(PrintWriter out) {
        for (FileResult file : files) {
            for (Diagnostic d : file.diagnostics()) {
                Position start = d.range().start();
                out.printf("%s:%d:%d: %s: %s [%s]%n", file.path(), start.line() + 1, start.character() + 1,
                        d.severity().jsonName(), d.message(), d.code());
            }
        }
        out.printf("%d file%s checked: %d error%s, %d warning%s, %d information%n", files.size(),
                files.size() == 1 ? "" : "s", errorCount(), errorCount() == 1 ? "" : "s",
                count(Severity.WARNING), count(Severity.WARNING) == 1 ? "" : "s", count(Severity.INFORMATION));
    }

    /**
     * GitHub Actions workflow commands, one per diagnostic ({@code ::error file=…,line=…,col=…,title=code::message}),
     * which the runner shows as annotations on the pull request; information becomes a notice.
     */
    void printGithub(PrintWriter out) {
        for (FileResult file : files) {
            for (Diagnostic d : file.diagnostics()) {
                Position start = d.range().start();
                Position end = d.range().end();
                String command = switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFORMATION, HINT -> "notice";
                };
                out.printf("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s%n", command,
                        githubProperty(file.path().replace('\\', '/')), start.line() + 1, start.character() + 1,
                        end.line() + 1, end.character() + 1, githubProperty(d.code()), githubData(d.message()));
            }
        }
    }

    /** Workflow command data escapes: a message may hold any text, but no raw line break. */
    private static String githubData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String githubProperty(String text) {
        return githubData(text).replace(":", "%3A").replace(",", "%2C");
    }

    String toJson() {
        List<Object> fileList = new ArrayList<>();
        for (FileResult file : files) {
            List<Object> diagnostics = new ArrayList<>();
            for (Diagnostic d : file.diagnostics()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("severity", d.severity().jsonName());
                json.put("code", d.code());
                json.put("message", d.message());
                json.put("range", rangeJson(d.range()));
                if (d.field() != null) {
                    json.put("field", d.field());
                }
                if (d.reason() != null) {
                    json.put("reason", d.reason());
                }
                diagnostics.add(json);
            }
            Map<String, Object> fileJson = new LinkedHashMap<>();
            fileJson.put("path", file.path());
            fileJson.put("diagnostics", diagnostics);
            fileList.add(fileJson);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", files.size());
        summary.put("errors", errorCount());
        summary.put("warnings", count(Severity.WARNING));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", fileList);
        root.put("summary", summary);
        return gson(root);
    }

    static Map<String, Object> rangeJson(Range range) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", Map.of("line", range.start().line(), "character", range.start().character()));
        json.put("end", Map.of("line", range.end().line(), "character", range.end().character()));
        return json;
    }

    String toSarif() {
        TreeSet<String> codes = new TreeSet<>();
        List<Object> results = new ArrayList<>();
        for (FileResult file : files) {
            for (Diagnostic d : file.diagnostics()) {
                codes.add(d.code());
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", d.range().start().line() + 1);
                region.put("startColumn", d.range().start().character() + 1);
                region.put("endLine", d.range().end().line() + 1);
                region.put("endColumn", d.range().end().character() + 1);
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", Map.of("uri", file.path().replace('\\', '/')));
                physical.put("region", region);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", d.code());
                result.put("level", switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "note";
                });
                result.put("message", Map.of("text", d.message()));
                result.put("locations", List.of(Map.of("physicalLocation", physical)));
                results.add(result);
            }
        }
        List<Object> rules = new ArrayList<>();
        for (String code : codes) {
            String description = CodeCatalog.describe(code) == null ? code : CodeCatalog.describe(code);
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", code);
            rule.put("name", code);
            rule.put("shortDescription", Map.of("text", description));
            rule.put("help", Map.of("text", description + " Turn it off with --disable " + code
                    + " or the annotation ignore-check.dsls.dev/" + code + "."));
            rules.add(rule);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "dsls");
        driver.put("version", DslsVersion.version());
        driver.put("informationUri", "https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "utf16CodeUnits");
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return gson(root);
    }

    private static String gson(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value);
    }
}
