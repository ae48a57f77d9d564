package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.KubernetesSchema;

/** On a key: the field's Kubernetes description, type, default, DaemonSet note and versions. */
final class FieldDocsHover implements HoverParticipant {
    @Override
    public String hover(HoverContext context) {
        String key = HoverService.keyAtCursor(context);
        if (key == null || key.isEmpty()) {
            return null;
        }
        FieldDef field = SchemaNavigator.fieldAt(KubernetesSchema.get(), context.cursor().path(), key,
                context.kubernetesVersion());
        return field == null ? null : FieldDocs.render(field, context.kubernetesVersion(), context.markdown());
    }
}
