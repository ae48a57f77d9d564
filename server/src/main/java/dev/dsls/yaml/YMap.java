package dev.dsls.yaml;

import java.util.List;

/** A mapping, its entries in document order. */
public final class YMap extends YNode {
    private final List<YEntry> entries;

    public YMap(Range range, List<YEntry> entries) {
        super(range);
        this.entries = List.copyOf(entries);
    }

    public List<YEntry> entries() {
        return entries;
    }

    /** The first entry with this key, or null. */
    public YEntry entry(String key) {
        for (YEntry entry : entries) {
            if (entry.name().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    /** The value under this key, or null when the key is absent. */
    public YNode get(String key) {
        YEntry entry = entry(key);
        return entry == null ? null : entry.value();
    }

    /** The value under this key when it is a mapping, else null. */
    public YMap map(String key) {
        return get(key) instanceof YMap map ? map : null;
    }

    /** The value under this key when it is a sequence, else null. */
    public YSeq seq(String key) {
        return get(key) instanceof YSeq seq ? seq : null;
    }

    /** The text of a scalar under this key (null for an absent key, a YAML null or a collection). */
    public String text(String key) {
        return get(key) instanceof YScalar scalar && !scalar.isNull() ? scalar.value() : null;
    }

    @Override
    public String jsonType() {
        return "object";
    }
}
