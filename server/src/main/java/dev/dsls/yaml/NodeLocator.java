package dev.dsls.yaml;

/** Finds what a cursor position points at in a parsed document. */
public final class NodeLocator {
    private NodeLocator() {
    }

    /** Where a position falls: the path of the innermost node, and whether it is on a map key. */
    public record Location(YamlPath path, YNode node, YEntry entry, boolean onKey) {
    }

    public static Location locate(YNode root, Position position) {
        YamlPath path = YamlPath.ROOT;
        YNode node = root;
        YEntry lastEntry = null;
        boolean onKey = false;
        descend:
        while (node != null) {
            if (node instanceof YMap map) {
                for (YEntry entry : map.entries()) {
                    if (entry.key().range().contains(position)) {
                        return new Location(path.field(entry.name()), entry.value(), entry, true);
                    }
                    if (entry.value().range().contains(position) && !(entry.value() instanceof YScalar s && s.isNull()
                            && !s.range().start().equals(position))) {
                        path = path.field(entry.name());
                        node = entry.value();
                        lastEntry = entry;
                        continue descend;
                    }
                }
            } else if (node instanceof YSeq seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    if (seq.items().get(i).range().contains(position)) {
                        path = path.index(i);
                        node = seq.items().get(i);
                        lastEntry = null;
                        continue descend;
                    }
                }
            }
            break;
        }
        return new Location(path, node, lastEntry, onKey);
    }
}
