package dev.dsls.validation;

import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_RESOURCES;

import dev.dsls.schema.Quantity;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** ValidateResourceRequirements and the resource-name helpers of core validation. */
final class ResourceValidation {
    private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    /** helper.IsStandardResourceName: what a quota or a container may name without a prefix. */
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets",
            "configmaps", "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports",
            "services.loadbalancers");
    private static final Set<String> INTEGER_RESOURCES = Set.of("pods", "services", "replicationcontrollers",
            "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
            "services.loadbalancers");
    private static final String HUGEPAGES_PREFIX = "hugepages-";

    private ResourceValidation() {
    }

    static void validateResourceRequirements(YMap resources, YamlPath path, FieldErrors errors) {
        if (resources == null) {
            return;
        }
        Map<String, Quantity> limits = quantities(Fields.map(resources, "limits"));
        Map<String, Quantity> requests = quantities(Fields.map(resources, "requests"));
        YamlPath limitsPath = path.field("limits");
        YamlPath requestsPath = path.field("requests");
        boolean cpuOrMemory = false;
        boolean hugePages = false;
        for (Map.Entry<String, Quantity> limit : limits.entrySet()) {
            YamlPath limitPath = limitsPath.key(limit.getKey());
            validateContainerResourceName(limit.getKey(), limitPath, errors);
            validateResourceQuantityValue(limit.getKey(), limit.getValue(), limitPath, errors);
            cpuOrMemory |= limit.getKey().equals("cpu") || limit.getKey().equals("memory");
            hugePages |= limit.getKey().startsWith(HUGEPAGES_PREFIX);
        }
        for (Map.Entry<String, Quantity> request : requests.entrySet()) {
            String name = request.getKey();
            Quantity quantity = request.getValue();
            YamlPath requestPath = requestsPath.key(name);
            validateContainerResourceName(name, requestPath, errors);
            validateResourceQuantityValue(name, quantity, requestPath, errors);
            Quantity limit = limits.get(name);
            Where requestsWhere = Where.printedAs(requestsPath.toString(), requestPath);
            if (limit != null) {
                if (quantity.compareTo(limit) != 0 && !isOvercommitAllowed(name)) {
                    errors.invalidString(INVALID_RESOURCES, requestsWhere, quantity.text(), "must be equal to " + name
                            + " limit of " + limit.text(), "Devices and huge pages cannot be overcommitted: request"
                            + " exactly the limit.");
                } else if (quantity.compareTo(limit) > 0) {
                    errors.invalidString(INVALID_RESOURCES, requestsWhere, quantity.text(), "must be less than or"
                            + " equal to " + name + " limit of " + limit.text(), "Lower the request or raise the"
                            + " limit to at least " + quantity.text() + ".");
                }
            } else if (!isOvercommitAllowed(name) && !Fields.isSet(Fields.map(resources, "limits"), name)) {
                errors.required(INVALID_RESOURCES, Where.at(limitsPath), "Limit must be set for non overcommitable"
                        + " resources", "Add limits." + name + ": " + quantity.text() + " (equal to the request).");
            }
            cpuOrMemory |= name.equals("cpu") || name.equals("memory");
            hugePages |= name.startsWith(HUGEPAGES_PREFIX);
        }
        if (hugePages && !cpuOrMemory) {
            errors.forbidden(INVALID_RESOURCES, Where.at(path).onKey(), "HugePages require cpu or memory",
                    "Also request cpu or memory.");
        }
    }

    /** The decodable quantities of a resource list, in document order. */
    private static Map<String, Quantity> quantities(YMap list) {
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        if (list == null) {
            return quantities;
        }
        for (YEntry entry : list.entries()) {
            if (entry.value() instanceof YScalar scalar && !scalar.isNull() && Quantity.isValid(scalar.value())) {
                quantities.put(entry.name(), Quantity.parse(scalar.value()));
            }
        }
        return quantities;
    }

    /** validateContainerResourceName: a qualified name; unprefixed names must be standard container resources. */
    private static void validateContainerResourceName(String name, YamlPath path, FieldErrors errors) {
        Where where = Where.at(path).onKey();
        String fix = "Containers request cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed"
                + " extended resource such as nvidia.com/gpu.";
        var messages = ValidationSyntax.qualifiedName(name);
        for (String message : messages) {
            errors.invalidString(INVALID_RESOURCES, where, name, message, fix);
        }
        boolean unprefixed = !name.contains("/");
        if (messages.isEmpty() && unprefixed && !STANDARD_RESOURCES.contains(name) && !name.startsWith(HUGEPAGES_PREFIX)) {
            errors.invalidString(INVALID_RESOURCES, where, name, "must be a standard resource type or fully"
                    + " qualified", fix);
        }
        if (unprefixed) {
            if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith(HUGEPAGES_PREFIX)) {
                errors.invalidString(INVALID_RESOURCES, where, name, "must be a standard resource for containers", fix);
            }
        } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
            errors.invalidString(INVALID_RESOURCES, where, name, "doesn't follow extended resource name standard", fix);
        }
    }

    /** ValidateResourceQuantityValue: not negative; whole numbers for countable resources. */
    private static void validateResourceQuantityValue(String name, Quantity quantity, YamlPath path,
                                                      FieldErrors errors) {
        if (quantity.isNegative()) {
            errors.invalidString(INVALID_RESOURCES, Where.at(path), quantity.text(),
                    "must be greater than or equal to 0", "Quantities cannot be negative.");
        }
        if (isIntegerResourceName(name) && !quantity.isInteger()) {
            errors.invalid(INVALID_RESOURCES, Where.at(path), quantity.text(), "must be an integer",
                    "Devices are counted whole: use 1, 2, ...");
        }
    }

    static boolean isNativeResource(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    /** IsExtendedResourceName: a domain-prefixed, non-kubernetes.io name that is still valid as "requests.<name>". */
    static boolean isExtendedResourceName(String name) {
        return !isNativeResource(name) && !name.startsWith("requests.")
                && ValidationSyntax.qualifiedName("requests." + name).isEmpty();
    }

    private static boolean isIntegerResourceName(String name) {
        return INTEGER_RESOURCES.contains(name) || isExtendedResourceName(name);
    }

    /** Only native resources other than huge pages may request less than their limit. */
    private static boolean isOvercommitAllowed(String name) {
        return isNativeResource(name) && !name.startsWith(HUGEPAGES_PREFIX);
    }
}
