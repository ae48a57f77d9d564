package dev.dsls.schemagen;

import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import io.swagger.annotations.ApiModel;
import io.swagger.annotations.ApiModelProperty;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time step: reads the field names, types, required flags and descriptions that
 * io.kubernetes:client-java-api carries as runtime annotations, for apps/v1 DaemonSet and every type
 * reachable from it, once per supported Kubernetes version (each from the client release generated from
 * that version's API), and writes them merged as one compact JSON resource: the newest version's
 * types, and per type and field the version it arrived in ({@code since}) or left with
 * ({@code removedIn}). The shipped jar reads that JSON and never loads the model classes.
 *
 * <p>Arguments: the output file, then {@code VERSION=JAR} per Kubernetes version, oldest first
 * ({@code 1.31=target/kubernetes-models/client-java-api-22.0.0.jar}).
 */
public final class SchemaGenerator {
    private static final String CLIENT_PACKAGE = "io.kubernetes.client.";
    private static final String MODEL_PACKAGE = CLIENT_PACKAGE + "openapi.models.";
    private static final String ROOT_CLASS = MODEL_PACKAGE + "V1DaemonSet";
    private static final String ROOT_TYPE = "DaemonSet";
    private static final Pattern ENUM_VALUE = Pattern.compile("- `\"([^\"]*)\"`");
    private static final Pattern VERSION_PREFIX = Pattern.compile("^V\\d+(?:alpha\\d*|beta\\d*)?");
    private static final Pattern OBJECT_REF = Pattern.compile("^(?:(?:array|map):)*object:(.+)$");

    /** A type as one release has it: its description and its fields, each a JSON-ready map with at least "type". */
    private record TypeModel(String description, Map<String, Map<String, Object>> fields) {
        TypeModel copy() {
            Map<String, Map<String, Object>> copied = new LinkedHashMap<>();
            fields.forEach((name, def) -> copied.put(name, new LinkedHashMap<>(def)));
            return new TypeModel(description, copied);
        }
    }

    private final Map<String, TypeModel> types = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();
    private final Set<Class<?>> seen = new LinkedHashSet<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> versions = new ArrayList<>();
        List<Map<String, TypeModel>> releases = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            String version = args[i].substring(0, equals);
            if (!versions.isEmpty() && minor(version) <= minor(versions.get(versions.size() - 1))) {
                throw new IllegalArgumentException("list the Kubernetes versions oldest first: " + version
                        + " comes after " + versions.get(versions.size() - 1));
            }
            versions.add(version);
            releases.add(read(Path.of(args[i].substring(equals + 1))));
        }
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("name at least one VERSION=JAR after the output file");
        }
        if (releases.get(releases.size() - 1).get(ROOT_TYPE).description().isEmpty()) {
            throw new IllegalStateException("the newest release's models carry no descriptions: the"
                    + " io.swagger:swagger-annotations classes must be on the generator's class path");
        }
        VersionMerge merge = new VersionMerge(versions, releases);
        for (int release = releases.size() - 1; release >= 0; release--) {
            merge.align(release, ROOT_TYPE, ROOT_TYPE, new HashSet<>());
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("kubernetes", versions.get(versions.size() - 1));
        schema.put("versions", versions);
        schema.put("source", "io.kubernetes:client-java-api");
        schema.put("root", ROOT_TYPE);
        schema.put("types", merge.json());
        Files.createDirectories(out.getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new GsonBuilder().disableHtmlEscaping().create().toJson(schema, writer);
        }
        System.out.printf("dsls schema: %d types, %d of %d fields not in every Kubernetes version from %s to %s,"
                + " written to %s%n", merge.merged.size(), merge.versionedFields, merge.fieldCount(), versions.get(0),
                versions.get(versions.size() - 1), out);
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    /** The types reachable from DaemonSet in one client release, read through a class loader of its own. */
    private static Map<String, TypeModel> read(Path jar) throws IOException, ClassNotFoundException {
        try (ReleaseClassLoader loader = new ReleaseClassLoader(jar)) {
            SchemaGenerator generator = new SchemaGenerator();
            generator.enqueue(loader.loadClass(ROOT_CLASS));
            generator.run();
            return generator.types;
        }
    }

    /**
     * Loads the client's own classes from one release's jar and everything else (gson, the swagger
     * annotations, the JDK) from the generator's class path, so that the annotations on every release's
     * models are the very classes this generator reads them with.
     */
    private static final class ReleaseClassLoader extends URLClassLoader {
        ReleaseClassLoader(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, SchemaGenerator.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(CLIENT_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    /**
     * The releases laid over the newest one. Types are matched by walking every release in step with the
     * merged schema from DaemonSet, field by field, not by name: a type the client renamed between
     * releases (ResourceClaim became CoreV1ResourceClaim in 1.34) is still the same type, and its fields
     * did not arrive with the new name.
     */
    private static final class VersionMerge {
        final List<String> versions;
        final List<Map<String, TypeModel>> releases;
        final Map<String, TypeModel> merged = new TreeMap<>();
        final Map<String, TreeSet<Integer>> typeReleases = new LinkedHashMap<>();
        final Map<String, TreeSet<Integer>> fieldReleases = new LinkedHashMap<>();
        int versionedFields;

        VersionMerge(List<String> versions, List<Map<String, TypeModel>> releases) {
            this.versions = versions;
            this.releases = releases;
            releases.get(releases.size() - 1).forEach((name, type) -> merged.put(name, type.copy()));
        }

        /**
         * Records that the release has the merged type (as its own type of the given name) and each of its
         * fields, and follows the fields into the types they hold. Releases are walked newest first, so a
         * field the newer ones lack is taken, with its type, from the last release that had it.
         */
        void align(int release, String mergedType, String releaseType, Set<String> visited) {
            if (!visited.add(mergedType + " " + releaseType)) {
                return;
            }
            typeReleases.computeIfAbsent(mergedType, name -> new TreeSet<>()).add(release);
            TypeModel mine = merged.get(mergedType);
            TypeModel theirs = releases.get(release).get(releaseType);
            for (Map.Entry<String, Map<String, Object>> field : theirs.fields().entrySet()) {
                Map<String, Object> def = mine.fields().computeIfAbsent(field.getKey(),
                        name -> new LinkedHashMap<>(field.getValue()));
                fieldReleases.computeIfAbsent(mergedType + "." + field.getKey(), name -> new TreeSet<>()).add(release);
                String mergedRef = objectRef(def);
                String releaseRef = objectRef(field.getValue());
                if (mergedRef != null && releaseRef != null) {
                    merged.computeIfAbsent(mergedRef, name -> releases.get(release).get(releaseRef).copy());
                    align(release, mergedRef, releaseRef, visited);
                }
            }
        }

        private static String objectRef(Map<String, Object> fieldDef) {
            Matcher matcher = OBJECT_REF.matcher((String) fieldDef.get("type"));
            return matcher.matches() ? matcher.group(1) : null;
        }

        int fieldCount() {
            return merged.values().stream().mapToInt(type -> type.fields().size()).sum();
        }

        /** The merged types as the resource holds them, each type and field with its since and removedIn. */
        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            merged.forEach((typeName, type) -> {
                Map<String, Object> def = new LinkedHashMap<>();
                def.put("description", type.description());
                def.putAll(lifetime(typeReleases.get(typeName), typeName));
                Map<String, Object> fields = new LinkedHashMap<>();
                type.fields().forEach((fieldName, field) -> {
                    Map<String, Object> fieldDef = new LinkedHashMap<>(field);
                    Map<String, String> lifetime = lifetime(fieldReleases.get(typeName + "." + fieldName),
                            typeName + "." + fieldName);
                    versionedFields += lifetime.isEmpty() ? 0 : 1;
                    fieldDef.putAll(lifetime);
                    fields.put(fieldName, fieldDef);
                });
                def.put("fields", fields);
                out.put(typeName, def);
            });
            return out;
        }

        /** {@code since} when the oldest release lacks it, {@code removedIn} when the newest does. */
        private Map<String, String> lifetime(TreeSet<Integer> present, String what) {
            int first = present.first();
            int last = present.last();
            if (last - first + 1 != present.size()) {
                throw new IllegalStateException(what + " is missing from a release between Kubernetes "
                        + versions.get(first) + " and " + versions.get(last) + ", which since and removedIn cannot say");
            }
            Map<String, String> lifetime = new LinkedHashMap<>();
            if (first > 0) {
                lifetime.put("since", versions.get(first));
            }
            if (last < versions.size() - 1) {
                lifetime.put("removedIn", versions.get(last + 1));
            }
            return lifetime;
        }
    }

    private void enqueue(Class<?> type) {
        if (seen.add(type)) {
            pending.add(type);
        }
    }

    private void run() {
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            types.put(typeName(type), describe(type));
        }
    }

    private TypeModel describe(Class<?> type) {
        ApiModel model = type.getAnnotation(ApiModel.class);
        Set<String> required = requiredFields(type);
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            SerializedName json = field.getAnnotation(SerializedName.class);
            if (json == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Map<String, Object> fieldDef = new LinkedHashMap<>();
            String fieldType = typeExpression(field.getGenericType());
            fieldDef.put("type", fieldType);
            ApiModelProperty property = propertyOf(type, field);
            String description = property == null ? "" : property.value().strip();
            Class<?> referenced = referencedModel(field.getGenericType());
            if (description.isEmpty() && referenced != null) {
                ApiModel target = referenced.getAnnotation(ApiModel.class);
                description = target == null ? "" : target.description().strip();
                fieldDef.put("descriptionFromType", true);
            }
            fieldDef.put("description", description);
            if (required.contains(json.value()) || (property != null && property.required())) {
                fieldDef.put("required", true);
            }
            List<String> enumValues = enumValues(description);
            if (!enumValues.isEmpty()) {
                fieldDef.put("enum", enumValues);
            }
            fields.put(json.value(), fieldDef);
        }
        return new TypeModel(model == null ? "" : model.description().strip(), fields);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> type) {
        try {
            Field field = type.getField("openapiRequiredFields");
            Object value = field.get(null);
            return value instanceof Set<?> set ? (Set<String>) set : Set.of();
        } catch (ReflectiveOperationException e) {
            return Set.of();
        }
    }

    private static ApiModelProperty propertyOf(Class<?> type, Field field) {
        String name = field.getName();
        String getter = (field.getType() == boolean.class ? "is" : "get")
                + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            Method method = type.getMethod(getter);
            ApiModelProperty onGetter = method.getAnnotation(ApiModelProperty.class);
            if (onGetter != null) {
                return onGetter;
            }
        } catch (NoSuchMethodException e) {
            // fall through to the field itself
        }
        return field.getAnnotation(ApiModelProperty.class);
    }

    private static List<String> enumValues(String description) {
        int start = description.indexOf("Possible enum values:");
        if (start < 0) {
            return List.of();
        }
        Matcher matcher = ENUM_VALUE.matcher(description.substring(start));
        Set<String> values = new LinkedHashSet<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return List.copyOf(values);
    }

    private Class<?> referencedModel(Type type) {
        if (type instanceof Class<?> cls && cls.getName().startsWith(MODEL_PACKAGE)) {
            return cls;
        }
        return null;
    }

    private String typeExpression(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return "array:" + typeExpression(args[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map:" + typeExpression(args[1]);
            }
            throw new IllegalStateException("unexpected generic type " + type);
        }
        Class<?> cls = (Class<?>) type;
        String name = cls.getName();
        if (cls == String.class || name.equals("java.time.OffsetDateTime") || cls == byte[].class) {
            return "string";
        }
        if (cls == Integer.class || cls == Long.class) {
            return "integer";
        }
        if (cls == Boolean.class) {
            return "boolean";
        }
        if (cls == Double.class || cls == Float.class || name.equals("java.math.BigDecimal")) {
            return "number";
        }
        if (name.equals("io.kubernetes.client.custom.Quantity")) {
            return "quantity";
        }
        if (name.equals("io.kubernetes.client.custom.IntOrString")) {
            return "intOrString";
        }
        if (cls == Object.class) {
            return "any";
        }
        if (name.startsWith(MODEL_PACKAGE)) {
            enqueue(cls);
            return "object:" + typeName(cls);
        }
        throw new IllegalStateException("unexpected field type " + name);
    }

    private String typeName(Class<?> cls) {
        return VERSION_PREFIX.matcher(cls.getSimpleName()).replaceFirst("");
    }
}
