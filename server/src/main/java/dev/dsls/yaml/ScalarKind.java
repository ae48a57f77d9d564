package dev.dsls.yaml;

/** What a scalar becomes once Kubernetes' YAML reader (YAML 1.1 rules) has turned it into JSON. */
public enum ScalarKind {
    NULL("null"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    FLOAT("number"),
    STRING("string");

    private final String jsonName;

    ScalarKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The type name the API server's JSON decoder reports for such a value. */
    public String jsonName() {
        return jsonName;
    }

    public boolean isNumber() {
        return this == INTEGER || this == FLOAT;
    }
}
