package dev.dsls.validation;

import dev.dsls.diagnostics.DataKeys;

import dev.dsls.diagnostics.Diagnostic;
import dev.dsls.diagnostics.DiagnosticSink;
import dev.dsls.schema.ManifestObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.diagnostics.Severity;
import dev.dsls.diagnostics.Suggestions;
import dev.dsls.schema.FieldDef;
import dev.dsls.schema.FieldType;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.Quantity;
import dev.dsls.schema.TypeDef;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import dev.dsls.yaml.YamlPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the API server rejects while decoding, before validation: unknown fields (kubectl's default
 * strict field validation), among them fields of other Kubernetes versions than the one checked against,
 * values of the wrong JSON type, and malformed quantities.
 */
public final class SchemaCheck implements ObjectCheck {
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String UNQUOTED_STRING = "unquoted-string";
    public static final String INVALID_QUANTITY = "invalid-quantity";

    private static final Map<String, String> DEPLOYMENT_ONLY = Map.of(
            "replicas", "a DaemonSet runs one pod on every eligible node, so it has no replica count; remove it and"
                    + " use a nodeSelector, node affinity or tolerations to choose the nodes",
            "strategy", "a DaemonSet calls it updateStrategy (types RollingUpdate and OnDelete)",
            "paused", "DaemonSets cannot be paused; use updateStrategy type OnDelete to control when pods change",
            "progressDeadlineSeconds", "DaemonSets have no progress deadline; remove it");

    @Override
    public void check(ManifestObject daemonSet, DiagnosticSink sink) {
        KubernetesSchema schema = KubernetesSchema.get();
        checkObject(schema, schema.root(), daemonSet.root(), YamlPath.ROOT, sink);
    }

    private void checkValue(KubernetesSchema schema, FieldType type, YNode node, YamlPath path, DiagnosticSink sink) {
        if (node instanceof YScalar scalar && scalar.isNull()) {
            return;
        }
        switch (type.kind()) {
            case OBJECT -> {
                if (node instanceof YMap map) {
                    checkObject(schema, schema.type(type.ref()), map, path, sink);
                } else {
                    wrongType(type, node, path, sink);
                }
            }
            case ARRAY -> {
                if (node instanceof YSeq seq) {
                    for (int i = 0; i < seq.items().size(); i++) {
                        checkValue(schema, type.element(), seq.items().get(i), path.index(i), sink);
                    }
                } else {
                    wrongType(type, node, path, sink);
                }
            }
            case MAP -> {
                if (node instanceof YMap map) {
                    for (YEntry entry : map.entries()) {
                        checkValue(schema, type.element(), entry.value(), path.key(entry.name()), sink);
                    }
                } else {
                    wrongType(type, node, path, sink);
                }
            }
            case ANY -> {
            }
            default -> checkScalar(type, node, path, sink);
        }
    }

    private void checkObject(KubernetesSchema schema, TypeDef type, YMap map, YamlPath path, DiagnosticSink sink) {
        KubernetesVersion target = sink.kubernetesVersion();
        for (YEntry entry : map.entries()) {
            FieldDef field = type.field(entry.name());
            YamlPath fieldPath = path.field(entry.name());
            if (field == null) {
                unknownField(schema, type, entry, fieldPath, sink);
            } else if (!field.availableIn(target)) {
                fieldOfOtherVersions(field, fieldPath, sink);
            } else {
                checkValue(schema, field.type(), entry.value(), fieldPath, sink);
            }
        }
    }

    private void unknownField(KubernetesSchema schema, TypeDef type, YEntry entry, YamlPath path, DiagnosticSink sink) {
        KubernetesVersion target = sink.kubernetesVersion();
        String name = entry.name();
        String hint;
        String suggestion = null;
        if (type.name().equals("DaemonSetSpec") && DEPLOYMENT_ONLY.containsKey(name)) {
            hint = name.equals("strategy") ? "did you mean \"updateStrategy\"? " + DEPLOYMENT_ONLY.get(name)
                    : DEPLOYMENT_ONLY.get(name);
            suggestion = name.equals("strategy") ? "updateStrategy" : null;
        } else if ((suggestion = Suggestions.closest(name, fieldsIn(type, target))) != null) {
            hint = "did you mean \"" + suggestion + "\"?";
        } else if (type.name().equals("DaemonSetSpec") && fieldsIn(schema.type("PodSpec"), target).contains(name)) {
            hint = "\"" + name + "\" belongs in the pod template: move it under spec.template.spec";
        } else if (type.name().equals("PodTemplateSpec") && fieldsIn(schema.type("PodSpec"), target).contains(name)) {
            hint = "\"" + name + "\" is a pod field: move it under spec.template.spec";
        } else {
            hint = "remove it; " + type.name() + " has no such field";
        }
        Diagnostic diagnostic = sink.apiOnKey(Severity.ERROR, UNKNOWN_FIELD, path.toString(), path, "Decode",
                String.format("strict decoding error: unknown field \"%s\": %s", path, hint));
        if (suggestion != null) {
            sink.replaceLast(diagnostic.withData(Map.of(DataKeys.SUGGESTION, suggestion)));
        }
    }

    /** The names of the type's fields a cluster of that version knows. */
    private static List<String> fieldsIn(TypeDef type, KubernetesVersion version) {
        return type.fields().values().stream().filter(field -> field.availableIn(version)).map(FieldDef::name).toList();
    }

    /**
     * A field the schema has, but not in the version checked against: that API server's decoder does not
     * know it either, so it is the same unknown-field error, with the versions that have the field.
     */
    private void fieldOfOtherVersions(FieldDef field, YamlPath path, DiagnosticSink sink) {
        sink.apiOnKey(Severity.ERROR, UNKNOWN_FIELD, path.toString(), path, "Decode", String.format(
                "strict decoding error: unknown field \"%s\": Kubernetes %s does not have it (it is in %s); remove it,"
                        + " or target a version that has it with --kubernetes-version or kubernetesVersion in"
                        + " .dsls/config.yaml", path, sink.kubernetesVersion(), field.versions()));
    }

    private void checkScalar(FieldType type, YNode node, YamlPath path, DiagnosticSink sink) {
        if (!(node instanceof YScalar scalar)) {
            wrongType(type, node, path, sink);
            return;
        }
        ScalarKind kind = scalar.kind();
        switch (type.kind()) {
            case STRING -> {
                if (kind != ScalarKind.STRING) {
                    unquotedString(scalar, path, sink);
                }
            }
            case INTEGER -> {
                if (kind != ScalarKind.INTEGER && !(kind == ScalarKind.FLOAT && isIntegral(scalar.value()))) {
                    wrongType(type, node, path, sink);
                }
            }
            case NUMBER -> {
                if (!kind.isNumber()) {
                    wrongType(type, node, path, sink);
                }
            }
            case BOOLEAN -> {
                if (kind != ScalarKind.BOOLEAN) {
                    wrongType(type, node, path, sink);
                }
            }
            case INT_OR_STRING -> {
                if (kind == ScalarKind.BOOLEAN || (kind == ScalarKind.FLOAT && !isIntegral(scalar.value()))) {
                    wrongType(type, node, path, sink);
                }
            }
            case QUANTITY -> {
                if (kind == ScalarKind.BOOLEAN) {
                    wrongType(type, node, path, sink);
                } else {
                    try {
                        Quantity.parse(scalar.value());
                    } catch (IllegalArgumentException e) {
                        sink.api(Severity.ERROR, INVALID_QUANTITY, path.toString(), path, "Decode",
                                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': "
                                        + e.getMessage() + ".");
                    }
                }
            }
            default -> {
            }
        }
    }

    private static boolean isIntegral(String text) {
        try {
            return new BigDecimal(text.replace("_", "")).stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The JSON type as Go's encoding/json names it in an UnmarshalTypeError ("bool", "number", ...). */
    private static String goJsonType(YNode node) {
        if (node instanceof YScalar scalar) {
            return switch (scalar.kind()) {
                case BOOLEAN -> "bool";
                case INTEGER, FLOAT -> "number";
                default -> scalar.kind().jsonName();
            };
        }
        return node.jsonType();
    }

    private void unquotedString(YScalar scalar, YamlPath path, DiagnosticSink sink) {
        String seen = goJsonType(scalar);
        String quoted = "\"" + scalar.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String why = scalar.kind() == ScalarKind.BOOLEAN ? " (YAML 1.1 reads " + scalar.value() + " as a boolean)"
                : scalar.kind().isNumber() ? " (YAML reads " + scalar.value() + " as a number)" : "";
        Diagnostic diagnostic = sink.api(Severity.ERROR, UNQUOTED_STRING, path.toString(), path, "Decode",
                String.format("json: cannot unmarshal %s into Go value of type string at %s%s; quote it: %s",
                        seen, path, why, quoted));
        sink.replaceLast(diagnostic.withData(Map.of(DataKeys.QUOTED, quoted)));
    }

    private void wrongType(FieldType expected, YNode node, YamlPath path, DiagnosticSink sink) {
        String seen = goJsonType(node);
        String fix = switch (expected.kind()) {
            case OBJECT, MAP, ANY -> "write it as a mapping of key: value lines";
            case ARRAY -> "write it as a list of \"- item\" lines";
            case INTEGER -> node instanceof YScalar s && s.kind() == ScalarKind.STRING
                    ? "write the number without quotes" : "write a whole number";
            case BOOLEAN -> "write true or false without quotes";
            default -> "write a " + expected.jsonName();
        };
        sink.api(Severity.ERROR, WRONG_TYPE, path.toString(), path, "Decode",
                String.format("json: cannot unmarshal %s into Go value of type %s at %s; %s.",
                        seen, expected.display(), path, fix));
    }
}
