package dev.dsls.review;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.FieldType;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.ManifestObject;
import dev.dsls.schema.Quantity;
import dev.dsls.schema.TypeDef;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.Yaml11;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A DaemonSet as the API server stores it, for comparing two versions: the values as its JSON decoder
 * reads them into the Go types (by the schema: a string field's text, numbers as numbers, quantities by
 * their value, {@code "1"} and {@code 1} of an IntOrString apart), key order and formatting gone, what
 * Go cannot tell from absent dropped (null, empty lists and string maps, empty strings, zero values of
 * non-pointer fields), and the defaults of apps/v1 SetDefaults_DaemonSet and core/v1 SetDefaults_PodSpec,
 * _Container, _ContainerPort, _Probe, _HTTPGetAction, _ObjectFieldSelector, _Volume and the volume
 * sources filled in. Two templates with equal forms are the same revision for the DaemonSet
 * controller, which hashes the stored (defaulted) template.
 *
 * <p>Maps are {@link TreeMap}s, lists {@link ArrayList}s, scalars {@link String}, {@link Boolean} or
 * {@link BigDecimal} (without trailing zeros), so {@code equals} compares forms.
 */
final class CanonicalForm {
    /** Struct fields that are not pointers in the Go types: {@code {}} reads as absent. */
    private static final Set<String> NON_POINTER_STRUCTS = Set.of("DaemonSet.metadata", "DaemonSet.spec",
            "DaemonSet.status", "DaemonSetSpec.template", "DaemonSetSpec.updateStrategy", "PodTemplateSpec.metadata",
            "PodTemplateSpec.spec", "Container.resources");
    /** Scalar fields that are not pointers in the Go types: false or 0 reads as absent. */
    private static final Set<String> NON_POINTER_SCALARS = Set.of("PodSpec.hostNetwork", "PodSpec.hostPID",
            "PodSpec.hostIPC", "Container.stdin", "Container.stdinOnce", "Container.tty", "ContainerPort.hostPort",
            "ContainerPort.containerPort", "VolumeMount.readOnly", "Probe.initialDelaySeconds", "Probe.timeoutSeconds",
            "Probe.periodSeconds", "Probe.successThreshold", "Probe.failureThreshold", "DaemonSetSpec.minReadySeconds",
            "ObjectMeta.generation");
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final int DEFAULT_MODE = 420; // 0644, the default of secret, configMap, downwardAPI, projected

    private CanonicalForm() {
    }

    /** The stored form of a whole DaemonSet, status left out. */
    static Map<String, Object> daemonSet(ManifestObject daemonSet) {
        KubernetesSchema schema = KubernetesSchema.get();
        Object value = value(daemonSet.root(), new FieldType(FieldType.Kind.OBJECT, schema.root().name(), null), schema);
        Map<String, Object> form = value instanceof Map<?, ?> ? map(value) : new TreeMap<>();
        form.remove("status");
        Map<String, Object> metadata = child(form, "metadata");
        if (metadata != null) {
            metadata.putIfAbsent("namespace", "default");
        }
        Map<String, Object> spec = child(form, "spec");
        if (spec != null) {
            spec.putIfAbsent("revisionHistoryLimit", number(10));
            Map<String, Object> strategy = child(spec, "updateStrategy");
            if (strategy != null) {
                strategy.putIfAbsent("type", "RollingUpdate");
                if ("RollingUpdate".equals(strategy.get("type"))) {
                    Map<String, Object> rolling = child(strategy, "rollingUpdate");
                    if (rolling != null) {
                        rolling.putIfAbsent("maxUnavailable", number(1));
                        rolling.putIfAbsent("maxSurge", number(0));
                    }
                }
            }
            Map<String, Object> template = child(spec, "template");
            if (template != null) {
                podTemplateDefaults(template);
            }
        }
        return form;
    }

    /** spec.template of a form made by {@link #daemonSet}, or null. */
    static Object template(Map<String, Object> daemonSet) {
        return at(daemonSet, "spec", "template");
    }

    /** spec.selector of a form made by {@link #daemonSet}, or null when there is none. */
    static Object selector(Map<String, Object> daemonSet) {
        return at(daemonSet, "spec", "selector");
    }

    /** A selector form as kubectl prints one: {@code app=demo,tier notin (db)}; {@code <none>} for none. */
    static String selectorText(Object selector) {
        Map<String, Object> form = selector instanceof Map<?, ?> ? map(selector) : null;
        if (form == null) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        if (form.get("matchLabels") instanceof Map<?, ?> labels) {
            labels.forEach((key, value) -> parts.add(key + "=" + text(value)));
        }
        if (form.get("matchExpressions") instanceof List<?> expressions) {
            for (Object item : expressions) {
                if (item instanceof Map<?, ?> expression) {
                    String operator = text(expression.get("operator"));
                    String values = expression.get("values") instanceof List<?> list
                            ? " (" + String.join(",", list.stream().map(CanonicalForm::text).toList()) + ")" : "";
                    parts.add(switch (operator) {
                        case "Exists" -> text(expression.get("key"));
                        case "DoesNotExist" -> "!" + text(expression.get("key"));
                        default -> text(expression.get("key")) + " " + operator.toLowerCase(Locale.ROOT) + values;
                    });
                }
            }
        }
        return parts.isEmpty() ? "<empty>" : String.join(",", parts);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    // ---- reading the YAML into the Go types ----

    private static Object value(YNode node, FieldType type, KubernetesSchema schema) {
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar) {
            return scalar(scalar, type);
        }
        if (node instanceof YSeq seq) {
            FieldType element = type != null && type.kind() == FieldType.Kind.ARRAY ? type.element() : null;
            List<Object> items = new ArrayList<>();
            for (YNode item : seq.items()) {
                items.add(value(item, element, schema));
            }
            return items;
        }
        YMap yamlMap = (YMap) node;
        Map<String, Object> form = new TreeMap<>();
        if (type != null && type.kind() == FieldType.Kind.MAP) {
            for (YEntry entry : yamlMap.entries()) {
                form.putIfAbsent(entry.name(), value(entry.value(), type.element(), schema));
            }
            return form;
        }
        TypeDef typeDef = type != null && type.kind() == FieldType.Kind.OBJECT ? schema.type(type.ref()) : null;
        for (YEntry entry : yamlMap.entries()) {
            FieldDef field = typeDef == null ? null : typeDef.field(entry.name());
            FieldType fieldType = field == null ? null : field.type();
            Object child = value(entry.value(), fieldType, schema);
            String qualified = typeDef == null ? null : typeDef.name() + "." + entry.name();
            if (!readsAsAbsent(child, fieldType, qualified) && !form.containsKey(entry.name())) {
                form.put(entry.name(), child);
            }
        }
        return form;
    }

    /** True when the Go type cannot tell the value from an absent field (so the stored object has none). */
    private static boolean readsAsAbsent(Object value, FieldType type, String qualified) {
        if (value == null) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() && type != null
                    && (type.kind() == FieldType.Kind.MAP || NON_POINTER_STRUCTS.contains(qualified));
        }
        if (type != null && type.kind() == FieldType.Kind.STRING && "".equals(value)) {
            return true;
        }
        return NON_POINTER_SCALARS.contains(qualified)
                && (Boolean.FALSE.equals(value) || value instanceof BigDecimal number && number.signum() == 0);
    }

    private static Object scalar(YScalar scalar, FieldType type) {
        if (scalar.isNull()) {
            return null;
        }
        FieldType.Kind kind = type == null ? FieldType.Kind.ANY : type.kind();
        switch (kind) {
            case STRING:
                return scalar.value();
            case INTEGER:
            case NUMBER:
                return numberOrText(scalar);
            case BOOLEAN:
                return scalar.kind() == ScalarKind.BOOLEAN ? (Object) Yaml11.isTrue(scalar.value()) : scalar.value();
            case QUANTITY:
                return quantity(scalar.value());
            case INT_OR_STRING:
                return scalar.kind().isNumber() ? numberOrText(scalar) : scalar.value();
            default:
                return switch (scalar.kind()) {
                    case BOOLEAN -> (Object) Yaml11.isTrue(scalar.value());
                    case INTEGER, FLOAT -> numberOrText(scalar);
                    default -> scalar.value();
                };
        }
    }

    private static Object numberOrText(YScalar scalar) {
        try {
            if (scalar.kind() == ScalarKind.INTEGER) {
                return new BigDecimal(Yaml11.goYamlInteger(scalar.value())).stripTrailingZeros();
            }
            if (scalar.kind() == ScalarKind.FLOAT) {
                return new BigDecimal(scalar.value().replace("_", "")).stripTrailingZeros();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number Go reads either: keep the text
        }
        return scalar.value();
    }


    /** A quantity by its value, rounded up to milli-units as SetDefaults_ResourceList does. */
    private static Object quantity(String text) {
        try {
            return Quantity.parse(text).decimal().setScale(3, RoundingMode.CEILING).stripTrailingZeros();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return text;
        }
    }

    private static BigDecimal number(long value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    // ---- the API server's defaults ----

    /** core/v1 SetDefaults_PodSpec and what it reaches in a pod template. */
    private static void podTemplateDefaults(Map<String, Object> template) {
        Map<String, Object> spec = child(template, "spec");
        if (spec == null) {
            return;
        }
        spec.putIfAbsent("dnsPolicy", "ClusterFirst");
        spec.putIfAbsent("restartPolicy", "Always");
        spec.putIfAbsent("securityContext", new TreeMap<String, Object>());
        spec.putIfAbsent("terminationGracePeriodSeconds", number(30));
        spec.putIfAbsent("schedulerName", "default-scheduler");
        boolean hostNetwork = Boolean.TRUE.equals(spec.get("hostNetwork"));
        for (String list : CONTAINER_LISTS) {
            for (Map<String, Object> container : maps(spec.get(list))) {
                containerDefaults(container, hostNetwork && !list.equals("ephemeralContainers"));
            }
        }
        for (Map<String, Object> volume : maps(spec.get("volumes"))) {
            volumeDefaults(volume);
        }
    }

    private static void containerDefaults(Map<String, Object> container, boolean hostNetwork) {
        if (!container.containsKey("imagePullPolicy")) {
            Object image = container.get("image");
            container.put("imagePullPolicy",
                    "latest".equals(imageTag(image instanceof String text ? text : "")) ? "Always" : "IfNotPresent");
        }
        container.putIfAbsent("terminationMessagePath", "/dev/termination-log");
        container.putIfAbsent("terminationMessagePolicy", "File");
        for (Map<String, Object> port : maps(container.get("ports"))) {
            port.putIfAbsent("protocol", "TCP");
            if (hostNetwork && !port.containsKey("hostPort") && port.containsKey("containerPort")) {
                port.put("hostPort", port.get("containerPort"));
            }
        }
        for (String probe : PROBES) {
            Map<String, Object> form = container.get(probe) instanceof Map<?, ?> ? map(container.get(probe)) : null;
            if (form != null) {
                form.putIfAbsent("timeoutSeconds", number(1));
                form.putIfAbsent("periodSeconds", number(10));
                form.putIfAbsent("successThreshold", number(1));
                form.putIfAbsent("failureThreshold", number(3));
                httpGetDefaults(form.get("httpGet"));
            }
        }
        if (container.get("lifecycle") instanceof Map<?, ?> lifecycle) {
            for (Object handler : lifecycle.values()) {
                if (handler instanceof Map<?, ?> action) {
                    httpGetDefaults(action.get("httpGet"));
                }
            }
        }
        for (Map<String, Object> env : maps(container.get("env"))) {
            if (env.get("valueFrom") instanceof Map<?, ?> source) {
                fieldRefDefaults(source.get("fieldRef"));
            }
        }
    }

    private static void httpGetDefaults(Object httpGet) {
        if (httpGet instanceof Map<?, ?>) {
            Map<String, Object> form = map(httpGet);
            form.putIfAbsent("path", "/");
            form.putIfAbsent("scheme", "HTTP");
        }
    }

    private static void fieldRefDefaults(Object fieldRef) {
        if (fieldRef instanceof Map<?, ?>) {
            map(fieldRef).putIfAbsent("apiVersion", "v1");
        }
    }

    private static void volumeDefaults(Map<String, Object> volume) {
        if (volume.keySet().stream().allMatch("name"::equals)) {
            volume.put("emptyDir", new TreeMap<String, Object>());
        }
        for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
            if (volume.get(source) instanceof Map<?, ?>) {
                map(volume.get(source)).putIfAbsent("defaultMode", number(DEFAULT_MODE));
            }
        }
        if (volume.get("downwardAPI") instanceof Map<?, ?> downward) {
            for (Map<String, Object> item : maps(downward.get("items"))) {
                fieldRefDefaults(item.get("fieldRef"));
            }
        }
        if (volume.get("projected") instanceof Map<?, ?> projected) {
            for (Map<String, Object> source : maps(projected.get("sources"))) {
                if (source.get("serviceAccountToken") instanceof Map<?, ?>) {
                    map(source.get("serviceAccountToken")).putIfAbsent("expirationSeconds", number(3600));
                }
                if (source.get("downwardAPI") instanceof Map<?, ?> downward) {
                    for (Map<String, Object> item : maps(downward.get("items"))) {
                        fieldRefDefaults(item.get("fieldRef"));
                    }
                }
            }
        }
        if (volume.get("iscsi") instanceof Map<?, ?>) {
            map(volume.get("iscsi")).putIfAbsent("iscsiInterface", "default");
        }
    }

    /**
     * The tag parsers.ParseImageName reads: after the last colon behind the last slash; "latest" without
     * tag and digest; "" with a digest only.
     */
    static String imageTag(String image) {
        String name = image;
        int at = name.indexOf('@');
        boolean digest = at >= 0;
        if (digest) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            return name.substring(colon + 1);
        }
        return digest || image.isEmpty() ? "" : "latest";
    }

    // ---- helpers over forms ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The map under a key, created when the key is absent (Go zero-value structs get their defaults too); null when the value is not a map. */
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new TreeMap<>();
            parent.put(key, created);
            return created;
        }
        return value instanceof Map<?, ?> ? map(value) : null;
    }

    private static List<Map<String, Object>> maps(Object list) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (list instanceof List<?> values) {
            for (Object item : values) {
                if (item instanceof Map<?, ?>) {
                    items.add(map(item));
                }
            }
        }
        return items;
    }

    private static Object at(Map<String, Object> form, String... keys) {
        Object value = form;
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> current)) {
                return null;
            }
            value = current.get(key);
        }
        return value;
    }
}
