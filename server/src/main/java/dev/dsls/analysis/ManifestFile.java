package dev.dsls.analysis;

import dev.dsls.inventory.Inventory;
import dev.dsls.inventory.InventoryReader;
import dev.dsls.schema.ManifestObject;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.SourceText;
import dev.dsls.yaml.YamlDocument;
import dev.dsls.yaml.YamlFile;
import dev.dsls.yaml.YamlParser;
import dev.dsls.yaml.YamlProblem;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a manifest file, as the CLI read it or the editor holds it: its text, its parse (made
 * once, reusing the unchanged documents of the previous version), its own Node and Pod documents and
 * the inventory its DaemonSets are previewed against.
 */
public final class ManifestFile {
    private static final Pattern HELM_SOURCE = Pattern.compile("(?m)^# Source: (\\S.*)$");
    private final String uri;
    private final String path;
    private final int version;
    private final String text;
    private final YamlProblem encodingProblem;
    /** A parse of an earlier version whose unchanged documents the parse of this one reuses. */
    private YamlFile base;
    private YamlFile parsed;
    private Inventory ownNodes;
    private Inventory effectiveFor;
    private Inventory effective;

    private ManifestFile(String uri, int version, String text, YamlProblem encodingProblem, YamlFile base) {
        this.uri = uri;
        this.path = displayPath(uri);
        this.version = version;
        this.text = text;
        this.encodingProblem = encodingProblem;
        this.base = base;
    }

    /** A file read from disk or stdin: bytes that may not be UTF-8. */
    public static ManifestFile read(String path, byte[] bytes) {
        SourceText source = SourceText.decode(bytes);
        return new ManifestFile(path, 0, source.text(), source.encodingProblem(), null);
    }

    /** The text an editor holds, version {@code version}; the previous version's parse is reused where unchanged. */
    public static ManifestFile edited(String uri, int version, String text, ManifestFile previous) {
        return new ManifestFile(uri, version, text, null, previous == null ? null : previous.latestParse());
    }

    public String uri() {
        return uri;
    }

    /** The file as a path for messages (a file URI as its path, other URIs as they are). */
    public String path() {
        return path;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    /** Invalid UTF-8 in the bytes read, or null. */
    public YamlProblem encodingProblem() {
        return encodingProblem;
    }

    public synchronized YamlFile yaml() {
        if (parsed == null) {
            parsed = new YamlParser().parse(text, base);
            base = null;
        }
        return parsed;
    }

    /** The newest parse there is: this version's, or the one it would reuse (edits can outrun parsing). */
    private synchronized YamlFile latestParse() {
        return parsed != null ? parsed : base;
    }

    /** The file's own Node and Pod documents: a file that has them is a self-contained what-if. */
    public synchronized Inventory ownNodes() {
        if (ownNodes == null) {
            ownNodes = InventoryReader.fromManifest(path, yaml()).toInventory();
        }
        return ownNodes;
    }

    /** The inventory the file's DaemonSets are previewed against: the workspace's with the file's own nodes laid over. */
    public synchronized Inventory inventory(Inventory workspace) {
        if (ownNodes().isEmpty()) {
            return workspace;
        }
        if (effectiveFor != workspace) {
            effective = workspace.overriddenBy(ownNodes);
            effectiveFor = workspace;
        }
        return effective;
    }

    /**
     * The template a document was rendered from, as {@code helm template} names it in a
     * {@code # Source: chart/templates/x.yaml} comment at the document's start; null when there is none.
     */
    public String templateAt(Position position) {
        YamlDocument document = yaml().documentAt(position);
        if (document == null) {
            return null;
        }
        Matcher source = HELM_SOURCE.matcher(text.substring(document.startOffset(), document.endOffset()));
        return source.find() ? source.group(1).strip() : null;
    }

    /** True when some document of the file is a Go template that does not parse as YAML. */
    public boolean hasGoTemplates() {
        return yaml().documents().stream().anyMatch(document -> ManifestAnalyzer.isGoTemplate(yaml(), document));
    }

    /** Every DaemonSet of the file, in document order. */
    public List<ManifestObject> daemonSets() {
        List<ManifestObject> found = new ArrayList<>();
        for (YamlDocument document : yaml().documents()) {
            found.addAll(ManifestObject.daemonSets(document));
        }
        return found;
    }

    /**
     * The DaemonSets at a position: the one whose object holds it, else all of the document there when
     * that document has exactly one; every DaemonSet of the file when the position is null.
     */
    public List<ManifestObject> daemonSetsAt(Position position) {
        if (position == null) {
            return daemonSets();
        }
        YamlDocument document = yaml().documentAt(position);
        if (document == null) {
            return List.of();
        }
        List<ManifestObject> inDocument = ManifestObject.daemonSets(document);
        List<ManifestObject> holding = inDocument.stream().filter(d -> d.root().range().contains(position)).toList();
        return !holding.isEmpty() || inDocument.size() != 1 ? holding : inDocument;
    }

    private static String displayPath(String uri) {
        if (!uri.startsWith("file:")) {
            return uri;
        }
        try {
            return Path.of(URI.create(uri)).toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return uri;
        }
    }
}
