package dev.dsls.yaml;

/**
 * One node of a parsed YAML document with its exact range. Aliases are expanded and merge keys
 * applied, so the tree reads as the JSON that Kubernetes receives.
 */
public abstract sealed class YNode permits YScalar, YMap, YSeq {
    private final Range range;

    protected YNode(Range range) {
        this.range = range;
    }

    public Range range() {
        return range;
    }

    /** The JSON type name the API server would report for this node ("object", "array", "string", ...). */
    public abstract String jsonType();
}
