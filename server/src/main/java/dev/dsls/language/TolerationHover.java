package dev.dsls.language;

import dev.dsls.inventory.Taint;
import dev.dsls.scheduling.Placement;
import dev.dsls.scheduling.Toleration;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/** On a toleration: the taints of the inventory it tolerates, with the nodes that carry them. */
final class TolerationHover implements HoverParticipant {
    @Override
    public String hover(HoverContext context) {
        YamlPath item = context.path() == null ? null : context.path().enclosingItem("tolerations");
        if (item == null || context.daemonSet() == null || context.inventory().isEmpty()) {
            return null;
        }
        Placement placement = context.placement();
        Toleration toleration = placement.daemonSet().userTolerations().stream()
                .filter(t -> item.equals(t.path())).findFirst().orElse(null);
        if (toleration == null) {
            return null;
        }
        List<String> tolerated = new ArrayList<>();
        for (var entry : placement.inventory().index().taints().entrySet()) {
            Taint taint = entry.getKey();
            if (toleration.toleratesTaint(taint)) {
                tolerated.add(taint + " on " + String.join(", ", entry.getValue()));
            }
        }
        String head = (context.markdown() ? "**Toleration** `" + toleration + "`" : "Toleration " + toleration) + "\n\n";
        return head + (tolerated.isEmpty() ? "Tolerates no taint of the inventory's nodes."
                : "Tolerates " + String.join("; ", tolerated) + ".");
    }
}
