package dev.dsls.inventory;

import dev.dsls.diagnostics.Severity;
import dev.dsls.yaml.Range;

/**
 * Something wrong in an inventory file, placed like a diagnostic so the editor can show it on the
 * file and the CLI can print {@code path:line:col: severity: message [code]}.
 */
public record InventoryProblem(String path, Range range, Severity severity, String code, String message) {
    /** The file cannot be read as YAML or JSON at all (or at this point). */
    public static final String SYNTAX = "inventory-syntax";
    /** A Node the API server would reject (no name, a bad quantity or taint): it is left out. */
    public static final String INVALID_NODE = "inventory-invalid-node";
    /** A Pod that cannot be read (a bad quantity, no name): it is left out. */
    public static final String INVALID_POD = "inventory-invalid-pod";
    /** A PriorityClass without a name or an integer value: it is left out. */
    public static final String INVALID_PRIORITY_CLASS = "inventory-invalid-priority-class";
    /** A Node without status.allocatable.pods: the scheduler gives it no pod slots. */
    public static final String NO_POD_SLOTS = "inventory-no-pod-slots";
    /** The same node name twice: the later definition wins. */
    public static final String DUPLICATE_NODE = "inventory-duplicate-node";
    /** A --nodes file without any Node. */
    public static final String NO_NODES = "inventory-no-nodes";

    /** As the CLI prints it, 1-based. */
    public String render() {
        return String.format("%s:%d:%d: %s: %s [%s]", path, range.start().line() + 1, range.start().character() + 1,
                severity.jsonName(), message, code);
    }
}
