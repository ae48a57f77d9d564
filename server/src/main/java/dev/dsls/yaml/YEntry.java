package dev.dsls.yaml;

/** A key and its value in a mapping. The key is always a scalar: Kubernetes keys are strings. */
public record YEntry(YScalar key, YNode value) {
    public String name() {
        return key.value();
    }

    /** From the key's start to the value's end. */
    public Range range() {
        return new Range(key.range().start(), value.range().end().isBefore(key.range().end())
                ? key.range().end() : value.range().end());
    }
}
