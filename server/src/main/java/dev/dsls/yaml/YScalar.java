package dev.dsls.yaml;

/** A scalar with its text and the JSON type that YAML 1.1 resolution gives it. */
public final class YScalar extends YNode {
    private final String value;
    private final ScalarKind kind;
    private final boolean plain;

    public YScalar(Range range, String value, ScalarKind kind, boolean plain) {
        super(range);
        this.value = value;
        this.kind = kind;
        this.plain = plain;
    }

    public String value() {
        return value;
    }

    public ScalarKind kind() {
        return kind;
    }

    /** True for an unquoted scalar: the only style whose type YAML resolves from its text. */
    public boolean isPlain() {
        return plain;
    }

    public boolean isNull() {
        return kind == ScalarKind.NULL;
    }

    @Override
    public String jsonType() {
        return kind.jsonName();
    }

    @Override
    public String toString() {
        return value;
    }
}
