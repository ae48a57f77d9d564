package dev.dsls.language;

import dev.dsls.schema.KubernetesVersion;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover for DaemonSet manifests. Participants are asked in order and the first with something to say
 * answers: placement on the DaemonSet's header, tolerations and required node affinity expressions; the
 * nodes behind a nodeSelector label; a field's Kubernetes documentation.
 */
final class HoverService {
    private final List<HoverParticipant> participants = List.of(new DaemonSetPlacementHover(), new TolerationHover(),
            new NodeAffinityExpressionHover(), new NodeSelectorLabelHover(), new FieldDocsHover());
    private final PlacementSource placements;

    HoverService(PlacementSource placements) {
        this.placements = placements;
    }

    Hover hover(FeatureRequest request, NodeFacts nodes, KubernetesVersion kubernetesVersion) {
        HoverContext context = new HoverContext(request, nodes, placements, kubernetesVersion);
        for (HoverParticipant participant : participants) {
            request.cancel().check();
            String text = participant.hover(context);
            if (text != null) {
                return new Hover(new MarkupContent(context.markdown() ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
            }
        }
        return null;
    }

    /**
     * The key the cursor is on: the key of the line when the cursor is on its value, else the key under
     * the cursor; null when the cursor is past the key's value on a key line.
     */
    static String keyAtCursor(HoverContext context) {
        CursorContext cursor = context.cursor();
        if (cursor.onValue()) {
            return cursor.key();
        }
        String line = context.line();
        int colon = line.indexOf(':', cursor.column());
        if (colon >= 0 && context.request().position().character() > colon + 1 && cursor.column() < colon) {
            return null;
        }
        return cursor.key().replaceAll("^[\"']|[\"']$", "");
    }
}
