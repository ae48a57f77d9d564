package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.KubernetesSchema;

/** The documentation of a field as completion and hover show it, in Markdown or plain text. */
final class FieldDocs {
    private FieldDocs() {
    }

    static String render(FieldDef field, boolean markdown) {
        StringBuilder out = new StringBuilder();
        String type = field.type().display();
        if (markdown) {
            out.append("**").append(field.name()).append("** `").append(type).append('`');
        } else {
            out.append(field.name()).append(" (").append(type).append(')');
        }
        if (field.required()) {
            out.append(" · required");
        }
        out.append("\n\n").append(field.description());
        if (!field.enumValues().isEmpty()) {
            out.append("\n\n").append(markdown ? "**Values:** " : "Values: ")
                    .append(String.join(", ", field.enumValues().stream()
                            .map(v -> markdown ? "`" + (v.isEmpty() ? "\"\"" : v) + "`" : (v.isEmpty() ? "\"\"" : v)).toList()));
        }
        if (field.defaultValue() != null) {
            out.append("\n\n").append(markdown ? "**Default:** " : "Default: ").append(field.defaultValue());
        }
        if (field.note() != null) {
            out.append("\n\n").append(markdown ? "**In a DaemonSet:** " : "In a DaemonSet: ").append(field.note());
        }
        out.append("\n\n").append(markdown ? "_" : "").append("Kubernetes ")
                .append(KubernetesSchema.get().kubernetesVersion()).append(" · apps/v1 DaemonSet")
                .append(markdown ? "_" : "");
        return out.toString();
    }
}
