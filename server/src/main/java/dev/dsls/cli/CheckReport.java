package dev.dsls.cli;

import com.google.gson.GsonBuilder;
import dev.dsls.analysis.ManifestFile;
import dev.dsls.analysis.PlacementCheck;
import dev.dsls.diagnostics.CodeCatalog;
import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.Severity;
import dev.dsls.language.DslsVersion;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.Range;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The result of {@code dsls check} over several files, in text, JSON, SARIF, GitHub workflow commands or JUnit XML. */
final class CheckReport {
    /**
     * One checked file: its path, its analysed version (null for a file that was not read) and what was
     * found; diagnostics of a {@code helm template} document name the template they came from.
     */
    record FileResult(String path, ManifestFile file, List<Diagnostic> diagnostics) {
        String template(Diagnostic diagnostic) {
            return file == null ? null : file.templateAt(diagnostic.range().start());
        }
    }

    private final List<FileResult> files;

    CheckReport(List<FileResult> files) {
        this.files = files;
    }

    /**
     * The findings at least as severe as {@code min}; the text format keeps each DaemonSet's placement
     * summary too, since where a DaemonSet runs is what a reader of it looks for first.
     */
    CheckReport shown(Severity min, boolean keepPlacementSummary) {
        List<FileResult> kept = new ArrayList<>();
        for (FileResult file : files) {
            kept.add(new FileResult(file.path(), file.file(), file.diagnostics().stream()
                    .filter(d -> d.severity().compareTo(min) <= 0
                            || keepPlacementSummary && PlacementCheck.SUMMARY.equals(d.code())).toList()));
        }
        return new CheckReport(kept);
    }

    /** True when some finding is at least as severe as {@code failOn} (null: nothing fails the run). */
    boolean fails(Severity failOn) {
        return failOn != null && files.stream().flatMap(f -> f.diagnostics().stream())
                .anyMatch(d -> d.severity().compareTo(failOn) <= 0);
    }

    private long count(Severity severity) {
        return files.stream().flatMap(f -> f.diagnostics().stream()).filter(d -> d.severity() == severity).count();
    }

    /** One line per finding ({@code path:line:col: severity: message [code]}), a file's findings together. */
    void printText(PrintWriter out, boolean colour) {
        boolean first = true;
        for (FileResult file : files) {
            if (file.diagnostics().isEmpty()) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            for (Diagnostic d : file.diagnostics()) {
                Position start = d.range().start();
                String template = file.template(d);
                out.printf("%s:%d:%d: %s: %s [%s]%s%n", file.path(), start.line() + 1, start.character() + 1,
                        colour ? coloured(d.severity()) : d.severity().jsonName(), d.message(), d.code(),
                        template == null ? "" : " (from " + template + ")");
            }
        }
        if (!first) {
            out.println();
        }
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        out.printf("%d file%s checked: %d error%s, %d warning%s, %d information%n", files.size(),
                files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                count(Severity.INFORMATION));
    }

    private static String coloured(Severity severity) {
        String code = switch (severity) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case INFORMATION, HINT -> "36";
        };
        return "\u001b[" + code + "m" + severity.jsonName() + "\u001b[0m";
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
                String template = file.template(d);
                out.printf("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s%n", command,
                        githubProperty(file.path().replace('\\', '/')), start.line() + 1, start.character() + 1,
                        end.line() + 1, end.character() + 1, githubProperty(d.code()),
                        githubData(d.message() + (template == null ? "" : " (from " + template + ")")));
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
                if (file.template(d) != null) {
                    json.put("template", file.template(d));
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
        summary.put("errors", count(Severity.ERROR));
        summary.put("warnings", count(Severity.WARNING));
        summary.put("information", count(Severity.INFORMATION));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", fileList);
        root.put("summary", summary);
        return gson(root);
    }

    private static Map<String, Object> rangeJson(Range range) {
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
                String template = file.template(d);
                result.put("message", Map.of("text", d.message() + (template == null ? "" : " (from " + template + ")")));
                result.put("locations", List.of(Map.of("physicalLocation", physical)));
                if (template != null) {
                    result.put("properties", Map.of("template", template));
                }
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

    /**
     * JUnit XML as Jenkins, GitLab and Azure DevOps read it: a testsuite per file, a testcase per
     * DaemonSet with a failure per error in it, and a testcase for the file itself when errors lie outside
     * every DaemonSet (syntax, encoding). Warnings and information are in the testcase's system-out.
     */
    String toJunit() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format("<testsuites name=\"dsls check\" tests=\"%d\" failures=\"%d\">%n", testCount(),
                count(Severity.ERROR)));
        for (FileResult file : files) {
            Map<String, List<Diagnostic>> byCase = new LinkedHashMap<>();
            List<ManifestObject> daemonSets = file.file() == null ? List.of() : file.file().daemonSets();
            daemonSets.forEach(ds -> byCase.put(caseName(ds), new ArrayList<>()));
            List<Diagnostic> outside = new ArrayList<>();
            for (Diagnostic d : file.diagnostics()) {
                ManifestObject owner = daemonSets.stream().filter(ds -> ds.root().range().contains(d.range().start()))
                        .findFirst().orElse(null);
                (owner == null ? outside : byCase.get(caseName(owner))).add(d);
            }
            if (!outside.isEmpty() || byCase.isEmpty()) {
                byCase.put(file.path(), outside);
            }
            long failures = file.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
            xml.append(String.format("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n",
                    xmlText(file.path()), byCase.size(), failures));
            byCase.forEach((name, diagnostics) -> appendCase(xml, file, name, diagnostics));
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    private int testCount() {
        int tests = 0;
        for (FileResult file : files) {
            int daemonSets = file.file() == null ? 0 : file.file().daemonSets().size();
            tests += Math.max(1, daemonSets);
        }
        return tests;
    }

    private static String caseName(ManifestObject daemonSet) {
        return "DaemonSet " + daemonSet.namespace() + "/" + (daemonSet.name() == null ? "(no name)" : daemonSet.name());
    }

    private static void appendCase(StringBuilder xml, FileResult file, String name, List<Diagnostic> diagnostics) {
        xml.append(String.format("    <testcase classname=\"%s\" name=\"%s\">%n", xmlText(file.path()), xmlText(name)));
        StringBuilder notes = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            String where = file.path() + ":" + (d.range().start().line() + 1) + ":" + (d.range().start().character() + 1);
            String template = file.template(d);
            String text = where + ": " + d.message() + (template == null ? "" : " (from " + template + ")");
            if (d.severity() == Severity.ERROR) {
                xml.append(String.format("      <failure type=\"%s\" message=\"%s\">%s</failure>%n", xmlText(d.code()),
                        xmlText(d.message()), xmlText(text)));
            } else {
                notes.append(d.severity().jsonName()).append(": ").append(text).append(" [").append(d.code()).append("]\n");
            }
        }
        if (notes.length() > 0) {
            xml.append("      <system-out>").append(xmlText(notes.toString())).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    /** Text for XML content and attribute values; characters XML 1.0 cannot hold at all are dropped. */
    private static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String gson(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value);
    }
}
