package dev.dsls.reliability;

import dev.dsls.testing.Manifests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hostile YAML, generated in code (nothing large is committed): each input with the diagnostic code it
 * must produce. The same catalogue drives the tests and {@link HostileInputReport}.
 */
final class HostileInputs {
    /** A DaemonSet that is valid as it stands; the inputs below wrap or damage it. */
    static final String DEMO = Manifests.DEMO;

    /** Hostile content after this header is in a DaemonSet document, which dsls reports problems of. */
    static final String HEADER = "apiVersion: apps/v1\nkind: DaemonSet\n";

    /** The demo with a field Kubernetes does not know on line 6 (0-based 5): {@code spec.replicas}. */
    static final String DEMO_WITH_REPLICAS = DEMO.replace("spec:\n  selector:", "spec:\n  replicas: 3\n  selector:");

    /**
     * One hostile input.
     *
     * @param name         short name, as the report prints it
     * @param bytes        the file's bytes, made on demand (some are megabytes)
     * @param expectedCode the diagnostic code the input must produce, or null when it must produce no error
     * @param editorCode   the code the language server must publish for {@link #editorText()}
     */
    record Hostile(String name, Supplier<byte[]> bytes, String expectedCode, String editorCode) {
        Hostile(String name, Supplier<byte[]> bytes, String expectedCode) {
            this(name, bytes, expectedCode, expectedCode);
        }

        /** The text an editor would send for these bytes (invalid UTF-8 becomes U+FFFD, as editors show it). */
        String editorText() {
            return new String(bytes.get(), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileInputs() {
    }

    static List<Hostile> all() {
        return List.of(
                new Hostile("alias bomb (billion laughs)", () -> utf8(HEADER + billionLaughs()), "yaml-alias-limit"),
                new Hostile("10,000-deep flow nesting", () -> utf8(HEADER + "spec: " + "[".repeat(10_000)
                        + "]".repeat(10_000) + "\n"), "yaml-nesting-too-deep"),
                new Hostile("10,000-deep block nesting", () -> utf8(HEADER + "spec:\n" + "- ".repeat(10_000) + "x\n"),
                        "yaml-nesting-too-deep"),
                new Hostile("10 MB document", () -> utf8(tenMegabyteDocument()), "yaml-document-too-large"),
                new Hostile("50,000-line multi-document file", () -> utf8(fiftyThousandLines()), "unknown-field"),
                // An editor decodes the file itself and sends U+FFFD for the bad bytes: the label is no valid label.
                new Hostile("invalid UTF-8", HostileInputs::invalidUtf8, "yaml-invalid-utf8", "invalid-selector"),
                new Hostile("byte order mark", () -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8(DEMO_WITH_REPLICAS)), "unknown-field"),
                new Hostile("NUL bytes", () -> utf8(DEMO.replace("name: demo\nspec", "name: de\0mo\nspec")),
                        "yaml-invalid-character"),
                new Hostile("CRLF line endings", () -> utf8(DEMO_WITH_REPLICAS.replace("\n", "\r\n")), "unknown-field"),
                new Hostile("lone CR line endings", () -> utf8(DEMO_WITH_REPLICAS.replace("\n", "\r")), "unknown-field"),
                new Hostile("tabs in indentation", () -> utf8(DEMO.replace("  name: demo", "\tname: demo")), "yaml-syntax"),
                new Hostile("1 MB single line", () -> utf8(oneMegabyteLine()), "unknown-field"),
                new Hostile("duplicate keys", () -> utf8(DEMO.replace("  name: demo", "  name: demo\n  name: other")),
                        "yaml-duplicate-key"),
                new Hostile("merge keys (<<)", () -> utf8(mergeKeys()), null),
                new Hostile("unknown tag", () -> utf8(DEMO.replace("name: demo\nspec", "name: !custom demo\nspec")),
                        "yaml-unknown-tag"),
                new Hostile("Java tags (CVE-2022-1471)", () -> utf8(javaTags()), "yaml-unknown-tag"));
    }

    /** Nine levels of nine aliases each: 9^9 strings if expanded. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    /** A DaemonSet whose labels run to 10 MB: one document over the 3 MiB the API server accepts. */
    static String tenMegabyteDocument() {
        StringBuilder yaml = new StringBuilder(DEMO.replace("  name: demo\n", "  name: demo\n  labels:\n"));
        int insertAt = yaml.indexOf("  labels:\n") + "  labels:\n".length();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; labels.length() < 10_000_000; i++) {
            labels.append("    label-").append(i).append(": value-").append(i).append('\n');
        }
        return yaml.insert(insertAt, labels).toString();
    }

    /** 50,000 lines of DaemonSets separated by ---; only the last has a mistake, proving the end is reached. */
    static String fiftyThousandLines() {
        String document = "---\n" + DEMO;
        int lines = document.split("\n").length;
        StringBuilder yaml = new StringBuilder();
        int count = 50_000 / lines;
        for (int i = 0; i < count - 1; i++) {
            yaml.append(document.replace("name: demo\nspec", "name: demo-" + i + "\nspec"));
        }
        return yaml.append("---\n").append(DEMO_WITH_REPLICAS).toString();
    }

    /** The demo with the bytes C3 28 (a lead byte without its continuation) in a label value. */
    static byte[] invalidUtf8() {
        String[] halves = DEMO.split("app: demo\n  template", 2);
        return concat(utf8(halves[0] + "app: de"), new byte[] {(byte) 0xC3, 0x28}, utf8("mo\n  template" + halves[1]));
    }

    /** The whole DaemonSet in flow style on one line of 1 MB, with a field Kubernetes does not know at its end. */
    static String oneMegabyteLine() {
        return "{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: demo, annotations: {note: \""
                + "x".repeat(1_000_000) + "\"}}, spec: {selector: {matchLabels: {app: demo}}, template: {metadata:"
                + " {labels: {app: demo}}, spec: {containers: [{name: demo, image: busybox}]}}, replicas: 3}}\n";
    }

    /** A DaemonSet whose template labels come from the selector's through a merge key: valid, as in kubectl. */
    static String mergeKeys() {
        return DEMO.replace("    matchLabels:\n      app: demo", "    matchLabels: &labels\n      app: demo")
                .replace("      labels:\n        app: demo", "      labels:\n        <<: *labels\n        tier: node");
    }

    /**
     * The SnakeYAML 1.x remote-code gadget of CVE-2022-1471, and a tag naming a class of the test classpath
     * whose static initializer leaves a mark ({@link Tripwire}): neither may construct or load anything.
     */
    static String javaTags() {
        return DEMO.replace("metadata:\n  name: demo", "metadata:\n  name: demo\n  annotations:\n"
                + "    gadget: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://127.0.0.1/\"]]]]\n"
                + "    tripwire: !!dev.dsls.reliability.Tripwire {armed: true}");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
