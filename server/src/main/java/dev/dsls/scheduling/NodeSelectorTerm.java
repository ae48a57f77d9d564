package dev.dsls.scheduling;

import dev.dsls.inventory.Node;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code nodeSelectorTerms} entry: its matchExpressions (label requirements) and matchFields
 * (only {@code metadata.name}, with In or NotIn and one value), all ANDed. An empty term selects no
 * node, and a term with a requirement that does not parse never matches (LazyErrorNodeSelector).
 */
public final class NodeSelectorTerm {
    /** A matchFields requirement, compared with the node's fields: only metadata.name exists. */
    public record FieldRequirement(String key, String operator, List<String> values, String parseError, YamlPath path) {
        boolean matches(Node node) {
            if (parseError != null) {
                return false;
            }
            // fields.Set{"metadata.name": name}: any other key reads as "" (so In fails, NotIn holds).
            String field = "metadata.name".equals(key) ? node.name() : "";
            boolean equal = field.equals(values.get(0));
            return "In".equals(operator) == equal;
        }

        @Override
        public String toString() {
            return key + ("In".equals(operator) ? "=" : "!=") + String.join(",", values);
        }
    }

    private final List<Requirement> expressions;
    private final List<FieldRequirement> fields;
    private final YamlPath path;

    public NodeSelectorTerm(List<Requirement> expressions, List<FieldRequirement> fields, YamlPath path) {
        this.expressions = List.copyOf(expressions);
        this.fields = List.copyOf(fields);
        this.path = path;
    }

    /** Compiles a matchFields entry as nodeSelectorRequirementsAsFieldSelector does. */
    public static FieldRequirement field(String key, String operator, List<String> values, YamlPath path) {
        String error = null;
        if (!"In".equals(operator) && !"NotIn".equals(operator)) {
            error = "matchFields operator \"" + operator + "\" is not In or NotIn";
        } else if (values.size() != 1) {
            error = "matchFields " + operator + " needs exactly one value";
        }
        return new FieldRequirement(key == null ? "" : key, operator, List.copyOf(values), error, path);
    }

    public boolean isEmpty() {
        return expressions.isEmpty() && fields.isEmpty();
    }

    /** The first parse error of this term, or null. */
    public String parseError() {
        for (Requirement requirement : expressions) {
            if (requirement.parseError() != null) {
                return requirement.parseError();
            }
        }
        for (FieldRequirement field : fields) {
            if (field.parseError() != null) {
                return field.parseError();
            }
        }
        return null;
    }

    public boolean matches(Node node) {
        if (isEmpty()) {
            return false;
        }
        for (Requirement requirement : expressions) {
            if (!requirement.matches(node.labels())) {
                return false;
            }
        }
        for (FieldRequirement field : fields) {
            if (!field.matches(node)) {
                return false;
            }
        }
        return true;
    }

    /** The requirements of this term the node fails, as readable strings with their paths. */
    public List<Failure> failures(Node node) {
        List<Failure> failures = new ArrayList<>();
        for (Requirement requirement : expressions) {
            if (!requirement.matches(node.labels())) {
                failures.add(new Failure(requirement, null));
            }
        }
        for (FieldRequirement field : fields) {
            if (!field.matches(node)) {
                failures.add(new Failure(null, field));
            }
        }
        return failures;
    }

    /** One failed requirement of a term: a label expression or a field. */
    public record Failure(Requirement expression, FieldRequirement field) {
        public YamlPath path() {
            return expression != null ? expression.path() : field.path();
        }

        /** "zone in (a,b), node has zone=c" and the like. */
        public String describe(Node node) {
            if (field != null) {
                return field.parseError() != null ? field.parseError() : "metadata.name " + ("In".equals(field.operator())
                        ? "must be " : "must not be ") + field.values().get(0) + ", node is " + node.name();
            }
            if (expression.parseError() != null) {
                return expression.parseError() + ", so the term never matches";
            }
            String actual = node.labels().get(expression.key());
            return expression + ", node " + (actual == null ? "has no label " + expression.key()
                    : "has " + expression.key() + "=" + actual);
        }
    }

    public List<Requirement> expressions() {
        return expressions;
    }

    public List<FieldRequirement> fields() {
        return fields;
    }

    public YamlPath path() {
        return path;
    }
}
