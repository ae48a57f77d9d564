package dev.dsls.yaml;

import java.util.List;

/** A sequence, its items in document order. */
public final class YSeq extends YNode {
    private final List<YNode> items;

    public YSeq(Range range, List<YNode> items) {
        super(range);
        this.items = List.copyOf(items);
    }

    public List<YNode> items() {
        return items;
    }

    @Override
    public String jsonType() {
        return "array";
    }
}
