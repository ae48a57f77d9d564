package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.KubernetesVersion;

/**
 * The documentation of a field as completion and hover show it, in Markdown or plain text, for the
 * Kubernetes version checked against.
 */
final class FieldDocs {
    private FieldDocs() {
    }

    static String render(FieldDef field, KubernetesVersion target, boolean markdown) {
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
        if (!field.availableIn(target)) {
            out.append("\n\n").append(markdown ? "**Not in Kubernetes " + target + "**" : "Not in Kubernetes " + target)
                    .append(", the version checked against: its API server rejects the field as unknown (it is in ")
                    .append(field.versions()).append(").");
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
        String lifetime = lifetime(field);
        if (lifetime != null) {
            out.append("\n\n").append(lifetime);
        }
        out.append("\n\n").append(markdown ? "_" : "").append("Kubernetes ").append(target)
                .append(" · apps/v1 DaemonSet").append(markdown ? "_" : "");
        return out.toString();
    }

    /**
     * When the field arrived or left: {@code Since Kubernetes 1.33.}, {@code Removed in Kubernetes 1.36.},
     * {@code Since Kubernetes 1.35, removed in 1.36.}; null for a field every supported version has.
     */
    private static String lifetime(FieldDef field) {
        if (field.since() == null) {
            return field.removedIn() == null ? null : "Removed in Kubernetes " + field.removedIn() + ".";
        }
        return "Since Kubernetes " + field.since() + (field.removedIn() == null ? "" : ", removed in " + field.removedIn()) + ".";
    }
}
