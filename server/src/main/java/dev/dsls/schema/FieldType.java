package dev.dsls.schema;

/**
 * The type of a field: a scalar kind, an object of a named type, or an array or map of a type.
 * Written in the schema resource as {@code string}, {@code object:PodSpec}, {@code array:object:Container},
 * {@code map:quantity}.
 */
public record FieldType(Kind kind, String ref, FieldType element) {
    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, QUANTITY, INT_OR_STRING, ANY, OBJECT, ARRAY, MAP }

    public static FieldType parse(String expression) {
        int colon = expression.indexOf(':');
        String head = colon < 0 ? expression : expression.substring(0, colon);
        String rest = colon < 0 ? null : expression.substring(colon + 1);
        return switch (head) {
            case "string" -> new FieldType(Kind.STRING, null, null);
            case "integer" -> new FieldType(Kind.INTEGER, null, null);
            case "number" -> new FieldType(Kind.NUMBER, null, null);
            case "boolean" -> new FieldType(Kind.BOOLEAN, null, null);
            case "quantity" -> new FieldType(Kind.QUANTITY, null, null);
            case "intOrString" -> new FieldType(Kind.INT_OR_STRING, null, null);
            case "any" -> new FieldType(Kind.ANY, null, null);
            case "object" -> new FieldType(Kind.OBJECT, rest, null);
            case "array" -> new FieldType(Kind.ARRAY, null, parse(rest));
            case "map" -> new FieldType(Kind.MAP, null, parse(rest));
            default -> throw new IllegalArgumentException("unknown field type " + expression);
        };
    }

    public boolean isScalar() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MAP && kind != Kind.ANY;
    }

    /** How the type reads in documentation: {@code []Container}, {@code map[string]Quantity}. */
    public String display() {
        return switch (kind) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case QUANTITY -> "Quantity";
            case INT_OR_STRING -> "IntOrString";
            case ANY -> "object";
            case OBJECT -> ref;
            case ARRAY -> "[]" + element.display();
            case MAP -> "map[string]" + element.display();
        };
    }

    /** The JSON type the API server expects, as its decoder names it in errors. */
    public String jsonName() {
        return switch (kind) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case QUANTITY -> "quantity (a string such as \"500m\" or a number)";
            case INT_OR_STRING -> "integer or string";
            case ANY, OBJECT, MAP -> "object";
            case ARRAY -> "array";
        };
    }
}
