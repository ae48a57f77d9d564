package dev.dsls.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dsls.yaml.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps/v1 DaemonSet schema of the supported Kubernetes releases: every type reachable from
 * DaemonSet with field types, descriptions and required flags as the newest release has them, and the
 * release each field arrived in or left with (merged at build time from the client-java-api release of
 * each Kubernetes version), plus dsls' own DaemonSet notes, enum values and defaults.
 */
public final class KubernetesSchema {
    private static final String SCHEMA_RESOURCE = "kubernetes-schema.json";
    private static final String NOTES_RESOURCE = "daemonset-notes.json";

    private static volatile KubernetesSchema instance;

    private final List<KubernetesVersion> versions;
    private final String rootType;
    private final Map<String, TypeDef> types;

    private KubernetesSchema(List<KubernetesVersion> versions, String rootType, Map<String, TypeDef> types) {
        this.versions = versions;
        this.rootType = rootType;
        this.types = types;
    }

    /** The schema, read from the jar on first use (off the start-up path of the server). */
    public static KubernetesSchema get() {
        KubernetesSchema schema = instance;
        if (schema == null) {
            synchronized (KubernetesSchema.class) {
                schema = instance;
                if (schema == null) {
                    schema = load();
                    instance = schema;
                }
            }
        }
        return schema;
    }

    /** The Kubernetes versions the schema covers, oldest first: the ones dsls checks manifests against. */
    public List<KubernetesVersion> supportedVersions() {
        return versions;
    }

    /** The newest supported version: the one checked against unless the user names another. */
    public KubernetesVersion newest() {
        return versions.get(versions.size() - 1);
    }

    public TypeDef root() {
        return types.get(rootType);
    }

    public TypeDef type(String name) {
        return types.get(name);
    }

    /** The type of the value at a path below a DaemonSet (null when the path leaves the schema). */
    public FieldType typeAt(YamlPath path) {
        FieldType current = new FieldType(FieldType.Kind.OBJECT, rootType, null);
        for (YamlPath.Segment segment : path.segments()) {
            current = step(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The field definition a path ends at (null for list items, map entries or unknown fields). */
    public FieldDef fieldAt(YamlPath path) {
        if (path.isRoot() || path.last().isIndex()) {
            return null;
        }
        FieldType parent = typeAt(path.parent());
        if (parent == null || parent.kind() != FieldType.Kind.OBJECT) {
            return null;
        }
        TypeDef type = types.get(parent.ref());
        return type == null ? null : type.field(path.last().key());
    }

    private FieldType step(FieldType current, YamlPath.Segment segment) {
        switch (current.kind()) {
            case ARRAY:
                return segment.isIndex() ? current.element() : null;
            case MAP:
                return segment.isIndex() ? null : current.element();
            case OBJECT:
                if (segment.isIndex()) {
                    return null;
                }
                TypeDef type = types.get(current.ref());
                FieldDef field = type == null ? null : type.field(segment.key());
                return field == null ? null : field.type();
            default:
                return null;
        }
    }

    private static KubernetesSchema load() {
        JsonObject schema = readJson(SCHEMA_RESOURCE);
        JsonObject notes = readJson(NOTES_RESOURCE);
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> typeEntry : schema.getAsJsonObject("types").entrySet()) {
            String typeName = typeEntry.getKey();
            JsonObject typeJson = typeEntry.getValue().getAsJsonObject();
            Map<String, FieldDef> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> fieldEntry : typeJson.getAsJsonObject("fields").entrySet()) {
                JsonObject fieldJson = fieldEntry.getValue().getAsJsonObject();
                JsonObject note = notes.has(typeName + "." + fieldEntry.getKey())
                        ? notes.getAsJsonObject(typeName + "." + fieldEntry.getKey()) : new JsonObject();
                List<String> enumValues = strings(note.has("enum") ? note : fieldJson, "enum");
                String description = fieldJson.get("description").getAsString();
                fields.put(fieldEntry.getKey(), new FieldDef(fieldEntry.getKey(),
                        FieldType.parse(fieldJson.get("type").getAsString()), description,
                        fieldJson.has("required") && fieldJson.get("required").getAsBoolean(), enumValues,
                        note.has("default") ? note.get("default").getAsString() : defaultFromDescription(description),
                        note.has("note") ? note.get("note").getAsString() : null,
                        version(fieldJson, "since"), version(fieldJson, "removedIn")));
            }
            types.put(typeName, new TypeDef(typeName, typeJson.get("description").getAsString(), fields));
        }
        List<KubernetesVersion> versions = new ArrayList<>();
        schema.getAsJsonArray("versions").forEach(name -> versions.add(KubernetesVersion.named(name.getAsString())));
        return new KubernetesSchema(List.copyOf(versions), schema.get("root").getAsString(), types);
    }

    private static KubernetesVersion version(JsonObject json, String member) {
        return json.has(member) ? KubernetesVersion.named(json.get(member).getAsString()) : null;
    }

    private static String defaultFromDescription(String description) {
        int at = description.indexOf("Defaults to ");
        if (at < 0) {
            return null;
        }
        int end = description.indexOf(". ", at);
        String value = description.substring(at + "Defaults to ".length(), end < 0 ? description.length() : end);
        value = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        return value.length() > 60 ? null : value.replace("\"", "");
    }

    private static List<String> strings(JsonObject json, String member) {
        List<String> values = new ArrayList<>();
        if (json.has(member)) {
            json.getAsJsonArray(member).forEach(value -> values.add(value.getAsString()));
        }
        return List.copyOf(values);
    }

    private static JsonObject readJson(String resource) {
        try (InputStream in = KubernetesSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the schema resource " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
