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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time step: reads the field names, types, required flags and descriptions that
 * io.kubernetes:client-java-api carries as runtime annotations, for apps/v1 DaemonSet and every type
 * reachable from it, and writes them as one compact JSON resource. The shipped jar reads that JSON
 * and never loads the model classes.
 */
public final class SchemaGenerator {
    private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models.";
    private static final Pattern ENUM_VALUE = Pattern.compile("- `\"([^\"]*)\"`");
    private static final Pattern VERSION_PREFIX = Pattern.compile("^V\\d+(?:alpha\\d*|beta\\d*)?");

    private final Map<String, Object> types = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();
    private final Set<Class<?>> seen = new LinkedHashSet<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String kubernetesVersion = args.length > 1 ? args[1] : "unknown";
        SchemaGenerator generator = new SchemaGenerator();
        String root = generator.typeName(Class.forName(MODEL_PACKAGE + "V1DaemonSet"));
        generator.enqueue(Class.forName(MODEL_PACKAGE + "V1DaemonSet"));
        generator.run();
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("kubernetes", kubernetesVersion);
        schema.put("source", "io.kubernetes:client-java-api");
        schema.put("root", root);
        schema.put("types", generator.types);
        Files.createDirectories(out.getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new GsonBuilder().disableHtmlEscaping().create().toJson(schema, writer);
        }
        System.out.printf("dsls schema: %d types written to %s%n", generator.types.size(), out);
    }

    private void enqueue(Class<?> type) {
        if (seen.add(type)) {
            pending.add(type);
        }
    }

    private void run() throws IOException {
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            types.put(typeName(type), describe(type));
        }
    }

    private Map<String, Object> describe(Class<?> type) {
        Map<String, Object> def = new LinkedHashMap<>();
        ApiModel model = type.getAnnotation(ApiModel.class);
        def.put("description", model == null ? "" : model.description().strip());
        Set<String> required = requiredFields(type);
        Map<String, Object> fields = new LinkedHashMap<>();
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
        def.put("fields", fields);
        return def;
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
