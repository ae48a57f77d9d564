package dev.dsls.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path to a node as Kubernetes prints field paths: {@code spec.template.spec.containers[0].name},
 * map keys in brackets ({@code metadata.labels[app]}). Paths resolve to nodes and back.
 */
public final class YamlPath {
    /** One step: a field name, a map key (printed in brackets) or a list index. */
    public record Segment(String key, int index, boolean mapKey) {
        public static Segment field(String name) {
            return new Segment(name, -1, false);
        }

        public static Segment mapKey(String name) {
            return new Segment(name, -1, true);
        }

        public static Segment index(int index) {
            return new Segment(null, index, false);
        }

        public boolean isIndex() {
            return key == null;
        }
    }

    public static final YamlPath ROOT = new YamlPath(List.of());

    private final List<Segment> segments;

    private YamlPath(List<Segment> segments) {
        this.segments = segments;
    }

    public static YamlPath parse(String path) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ in path " + path);
                }
                String inside = path.substring(i + 1, close);
                segments.add(inside.chars().allMatch(Character::isDigit) && !inside.isEmpty()
                        ? Segment.index(Integer.parseInt(inside)) : Segment.mapKey(inside));
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segments.add(Segment.field(path.substring(i, end)));
                i = end;
            }
        }
        return new YamlPath(List.copyOf(segments));
    }

    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public YamlPath field(String name) {
        return append(Segment.field(name));
    }

    public YamlPath key(String name) {
        return append(Segment.mapKey(name));
    }

    public YamlPath index(int index) {
        return append(Segment.index(index));
    }

    public YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    /** The innermost item of a list named {@code listName} that this path lies in (e.g. tolerations[1]), or null. */
    public YamlPath enclosingItem(String listName) {
        for (int i = segments.size() - 2; i >= 0; i--) {
            Segment segment = segments.get(i);
            if (!segment.isIndex() && listName.equals(segment.key()) && segments.get(i + 1).isIndex()) {
                return new YamlPath(List.copyOf(segments.subList(0, i + 2)));
            }
        }
        return null;
    }

    /** True when this path is {@code prefix} or lies under it. */
    public boolean startsWith(YamlPath prefix) {
        return segments.size() >= prefix.segments.size() && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** This path without a leading {@code prefix} (which it must start with). */
    public YamlPath relativeTo(YamlPath prefix) {
        return new YamlPath(List.copyOf(segments.subList(prefix.segments.size(), segments.size())));
    }

    public Segment last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    private YamlPath append(Segment segment) {
        List<Segment> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new YamlPath(List.copyOf(longer));
    }

    /** The node at this path below the root, or null when some step is absent. */
    public YNode resolve(YNode root) {
        YNode node = root;
        for (Segment segment : segments) {
            if (segment.isIndex()) {
                if (!(node instanceof YSeq seq) || segment.index() >= seq.items().size()) {
                    return null;
                }
                node = seq.items().get(segment.index());
            } else {
                if (!(node instanceof YMap map)) {
                    return null;
                }
                node = map.get(segment.key());
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /**
     * The range to report a problem at this path: the key of the entry when the path ends at a map
     * entry (its value when {@code valueRange}), else the node; for an absent node, the key of the
     * nearest present parent.
     */
    public Range rangeIn(YNode root, boolean valueRange) {
        for (YamlPath path = this; ; path = path.parent()) {
            YNode node = path.resolve(root);
            if (node != null) {
                if (path.isRoot()) {
                    return node.range();
                }
                Segment last = path.last();
                if (!last.isIndex() && path.parent().resolve(root) instanceof YMap map) {
                    YEntry entry = map.entry(last.key());
                    if (entry != null && (!valueRange || path != this)) {
                        return entry.key().range();
                    }
                }
                return node.range();
            }
            if (path.isRoot()) {
                return Range.of(0, 0, 0, 0);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.isIndex()) {
                out.append('[').append(segment.index()).append(']');
            } else if (segment.mapKey()) {
                out.append('[').append(segment.key()).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment.key());
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof YamlPath path && path.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
