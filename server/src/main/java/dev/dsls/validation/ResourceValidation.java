package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_POD_OS;
import static dev.dsls.validation.ValidationCodes.INVALID_RESOURCES;
import static dev.dsls.validation.ValidationCodes.INVALID_RESOURCE_CLAIM;

import dev.dsls.schema.Quantity;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ValidateContainerResourceRequirements, validatePodResources (pod-level resources), validateOverhead
 * and the resource-name helpers of core validation. Resource names are a fmt.Stringer upstream, so
 * they are printed without quotes ("Invalid value: gpu"); quantities printed as strings are quoted.
 */
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
    /** sets.List(resourcehelper.SupportedPodLevelResources()): cpu, memory and the hugepages- prefix, sorted. */
    private static final List<String> POD_LEVEL_RESOURCES = List.of("cpu", "hugepages-", "memory");

    /** Which name rule the entries of a resource list follow. */
    private enum Level { CONTAINER, POD }

    private ResourceValidation() {
    }

    /** ValidateContainerResourceRequirements, with the claims checked against the pod's resourceClaims. */
    static void validateResourceRequirements(YMap resources, YamlPath path, Set<String> podClaimNames,
                                             FieldErrors errors) {
        if (resources == null) {
            return;
        }
        validateRequirements(Fields.map(resources, "limits"), Fields.map(resources, "requests"), path,
                path.field("limits"), path.field("requests"), path, Level.CONTAINER, errors);
        validateResourceClaimNames(Fields.items(resources, "claims"), podClaimNames, path.field("claims"), errors);
    }

    /**
     * validateOverhead: ValidateContainerResourceRequirements with the overhead as limits. Quirk kept
     * from upstream: entries are printed as {@code overhead.limits[cpu]}.
     */
    static void validateOverhead(YMap podSpec, FieldErrors errors) {
        YMap overhead = Fields.map(podSpec, "overhead");
        if (overhead == null) {
            return;
        }
        YamlPath path = POD_SPEC.field("overhead");
        validateRequirements(overhead, null, path, path, path.field("requests"), path, Level.CONTAINER, errors);
    }

    /**
     * validatePodResources (PodLevelResources is beta and on by default since 1.34): not for a
     * windows pod; no claims; names, quantities and request/limit pairs as for containers but only
     * cpu, memory and hugepages-*; pod-level requests at least the containers' aggregate, container
     * limits at most the pod's (validatePodResourceConsistency).
     */
    static void validatePodResources(YMap podSpec, Set<String> podClaimNames, FieldErrors errors) {
        YMap resources = Fields.map(podSpec, "resources");
        if (resources == null) {
            return;
        }
        YamlPath path = POD_SPEC.field("resources");
        if ("windows".equals(Fields.string(Fields.map(podSpec, "os"), "name"))) {
            errors.forbidden(INVALID_POD_OS, Where.at(path).onKey(), "may not be set for a windows pod",
                    "Windows pods take resources per container only.");
            return;
        }
        if (Fields.isSet(resources, "claims")) {
            errors.forbidden(INVALID_RESOURCE_CLAIM, Where.at(path.field("claims")).onKey(), "claims may not be set for"
                    + " Resources at pod-level", "Reference resource claims from a container's resources.claims.");
        }
        validateRequirements(Fields.map(resources, "limits"), Fields.map(resources, "requests"), path,
                path.field("limits"), path.field("requests"), path, Level.POD, errors);
        validateResourceClaimNames(Fields.items(resources, "claims"), podClaimNames, path.field("claims"), errors);
        validatePodResourceConsistency(podSpec, resources, path, errors);
    }

    /**
     * validateResourceRequirements: every name and quantity, huge pages in whole pages, requests at
     * most their limits (equal for resources that cannot be overcommitted, whose limit is required),
     * and huge pages only beside cpu or memory.
     *
     * @param printed the path upstream prints the requirements at; entries at printed.limits[k] / .requests[k]
     */
    private static void validateRequirements(YMap limitsMap, YMap requestsMap, YamlPath printed, YamlPath limitsNode,
                                             YamlPath requestsNode, YamlPath resourcesNode, Level level,
                                             FieldErrors errors) {
        Map<String, Quantity> limits = quantities(limitsMap);
        Map<String, Quantity> requests = quantities(requestsMap);
        YamlPath limitsPath = printed.field("limits");
        YamlPath requestsPath = printed.field("requests");
        boolean cpuOrMemory = false;
        boolean hugePages = false;
        for (Map.Entry<String, Quantity> limit : limits.entrySet()) {
            String name = limit.getKey();
            Where where = Where.printedAs(limitsPath.key(name).toString(), limitsNode.key(name));
            validateResourceName(name, where, level, errors);
            validateResourceQuantityValue(name, limit.getValue(), where, errors);
            if (name.startsWith(HUGEPAGES_PREFIX)) {
                hugePages = true;
                validateHugePageValue(name, limit.getValue(), where, errors);
            }
            cpuOrMemory |= name.equals("cpu") || name.equals("memory");
        }
        for (Map.Entry<String, Quantity> request : requests.entrySet()) {
            String name = request.getKey();
            Quantity quantity = request.getValue();
            Where where = Where.printedAs(requestsPath.key(name).toString(), requestsNode.key(name));
            validateResourceName(name, where, level, errors);
            validateResourceQuantityValue(name, quantity, where, errors);
            Quantity limit = limits.get(name);
            Where requestsWhere = Where.printedAs(requestsPath.toString(), requestsNode.key(name));
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
            } else if (!isOvercommitAllowed(name) && !Fields.isSet(limitsMap, name)) {
                errors.required(INVALID_RESOURCES, Where.printedAs(limitsPath.toString(), limitsNode),
                        "Limit must be set for non overcommitable resources",
                        "Add limits." + name + ": " + quantity.text() + " (equal to the request).");
            }
            if (name.startsWith(HUGEPAGES_PREFIX)) {
                hugePages = true;
                validateHugePageValue(name, quantity, where, errors);
            }
            cpuOrMemory |= name.equals("cpu") || name.equals("memory");
        }
        if (hugePages && !cpuOrMemory) {
            errors.forbidden(INVALID_RESOURCES, Where.printedAs(printed.toString(), resourcesNode).onKey(),
                    "HugePages require cpu or memory", "Also request cpu or memory.");
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

    private static void validateResourceName(String name, Where where, Level level, FieldErrors errors) {
        if (level == Level.POD) {
            validatePodResourceName(name, where.onKey(), errors);
        } else {
            validateContainerResourceName(name, where.onKey(), errors);
        }
    }

    /**
     * validateResourceName: a qualified name, and an unprefixed one must be standard. Returns whether
     * it found nothing wrong.
     */
    private static boolean validateBaseResourceName(String name, Where where, String fix, FieldErrors errors) {
        List<String> messages = ValidationSyntax.qualifiedName(name);
        for (String message : messages) {
            errors.invalid(INVALID_RESOURCES, where, name, message, fix);
        }
        if (!messages.isEmpty()) {
            return false;
        }
        if (!name.contains("/") && !STANDARD_RESOURCES.contains(name) && !name.startsWith(HUGEPAGES_PREFIX)) {
            errors.invalid(INVALID_RESOURCES, where, name, "must be a standard resource type or fully qualified", fix);
            return false;
        }
        return true;
    }

    /** validateContainerResourceName: unprefixed names must be container resources, prefixed ones extended resources. */
    private static void validateContainerResourceName(String name, Where where, FieldErrors errors) {
        String fix = "Containers request cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed"
                + " extended resource such as nvidia.com/gpu.";
        validateBaseResourceName(name, where, fix, errors);
        if (!name.contains("/")) {
            if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith(HUGEPAGES_PREFIX)) {
                errors.invalid(INVALID_RESOURCES, where, name, "must be a standard resource for containers", fix);
            }
        } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
            errors.invalid(INVALID_RESOURCES, where, name, "doesn't follow extended resource name standard", fix);
        }
    }

    /** validatePodResourceName: a valid resource name that pod-level resources support (cpu, memory, hugepages-*). */
    private static void validatePodResourceName(String name, Where where, FieldErrors errors) {
        String fix = "Pod-level resources take cpu, memory and hugepages-<size>; set others per container.";
        if (validateBaseResourceName(name, where, fix, errors) && !isSupportedPodLevelResource(name)) {
            errors.notSupported(INVALID_RESOURCES, where, name, POD_LEVEL_RESOURCES, fix);
        }
    }

    /** ValidateResourceQuantityValue: not negative; whole numbers for countable resources. */
    private static void validateResourceQuantityValue(String name, Quantity quantity, Where where,
                                                      FieldErrors errors) {
        if (quantity.isNegative()) {
            errors.invalidString(INVALID_RESOURCES, where, quantity.text(), "must be greater than or equal to 0",
                    "Quantities cannot be negative.");
        }
        if (isIntegerResourceName(name) && !quantity.isInteger()) {
            errors.invalid(INVALID_RESOURCES, where, quantity.text(), "must be an integer",
                    "Devices are counted whole: use 1, 2, ...");
        }
    }

    /**
     * validateResourceQuantityHugePageValue (AllowIndivisibleHugePagesValues is false on create): a
     * huge page quantity is a whole number of pages of the size its name gives
     * (IsHugePageResourceValueDivisible).
     */
    private static void validateHugePageValue(String name, Quantity quantity, Where where, FieldErrors errors) {
        if (!isHugePageValueDivisible(name, quantity)) {
            errors.invalidString(INVALID_RESOURCES, where, quantity.text(), quantity.text()
                    + " is not positive integer multiple of " + name, "Use a multiple of the page size, e.g. "
                    + name.substring(HUGEPAGES_PREFIX.length()) + " times the number of pages.");
        }
    }

    static boolean isHugePageValueDivisible(String name, Quantity quantity) {
        String size = name.substring(HUGEPAGES_PREFIX.length());
        if (!Quantity.isValid(size)) {
            return false;
        }
        Quantity pageSize = Quantity.parse(size);
        if (pageSize.decimal().signum() <= 0 || !pageSize.isInteger()) {
            return false;
        }
        return quantity.value() % pageSize.value() == 0;
    }

    /**
     * validateResourceClaimNames: each entry of resources.claims names a claim of
     * spec.resourceClaims, once (a claim and one of its requests overlap), and a request is a DNS label.
     */
    static void validateResourceClaimNames(List<YNode> claims, Set<String> podClaimNames, YamlPath path,
                                           FieldErrors errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            YMap claim = Fields.map(claims.get(i));
            String name = Fields.string(claim, "name");
            String request = Fields.string(claim, "request");
            if (claim == null || name == null || request == null) {
                continue;
            }
            Where where = Where.printedAs(path.index(i).toString(), path.index(i).field("name"));
            if (name.isEmpty()) {
                errors.required(INVALID_RESOURCE_CLAIM, where, "", "Name a claim of spec.template.spec.resourceClaims.");
                continue;
            }
            if (names.contains(name)) {
                errors.duplicate(INVALID_RESOURCE_CLAIM, where, GoFormat.quote(name), "Reference each claim once.");
            } else {
                String key = name;
                if (!request.isEmpty()) {
                    for (String message : ValidationSyntax.dns1123Label(request)) {
                        errors.invalidString(INVALID_RESOURCE_CLAIM, Where.at(path.index(i).field("request")), request,
                                message, "Requests are named by DNS labels.");
                    }
                    key = name + "/" + request;
                }
                if (names.contains(key)) {
                    errors.duplicate(INVALID_RESOURCE_CLAIM, where, GoFormat.quote(key), "Reference each request once.");
                } else if (request.isEmpty()) {
                    for (String seen : names) {
                        int slash = seen.indexOf('/');
                        if (slash >= 0 && seen.substring(0, slash).equals(name)) {
                            errors.duplicate(INVALID_RESOURCE_CLAIM, where, GoFormat.quote(name),
                                    "The whole claim already covers the request referenced before.");
                        }
                    }
                }
                names.add(key);
            }
            if (!podClaimNames.contains(name)) {
                String detail = "must be one of the names in pod.spec.resourceClaims" + (podClaimNames.isEmpty()
                        ? " which is empty" : ": " + String.join(", ", new TreeSet<>(podClaimNames)));
                errors.notFound(INVALID_RESOURCE_CLAIM, where, GoFormat.quote(name), detail,
                        "Add the claim to spec.template.spec.resourceClaims, or fix the name.");
            }
        }
    }

    /**
     * validatePodResourceConsistency: each pod-level request is at least the containers' aggregate
     * request (AggregateContainerRequests of the template, whose containers' requests are not yet
     * defaulted from their limits), pod-level huge page limits at least the aggregate limits, and each
     * container's limit at most the pod-level limit. Quirk kept from upstream: the last is printed at
     * {@code resources.containers[i][name].limits}.
     */
    private static void validatePodResourceConsistency(YMap podSpec, YMap resources, YamlPath path,
                                                       FieldErrors errors) {
        Map<String, Quantity> podRequests = quantities(Fields.map(resources, "requests"));
        Map<String, Quantity> podLimits = quantities(Fields.map(resources, "limits"));
        Map<String, GoQuantity> aggregateRequests = aggregate(podSpec, "requests");
        for (Map.Entry<String, GoQuantity> entry : aggregateRequests.entrySet()) {
            Quantity podRequest = podRequests.get(entry.getKey());
            if (podRequest != null && entry.getValue().value().compareTo(podRequest.decimal()) > 0) {
                errors.invalidString(INVALID_RESOURCES, Where.at(path.field("requests").key(entry.getKey())),
                        GoQuantity.of(podRequest).canonical(), "must be greater than or equal to aggregate container"
                                + " requests of " + entry.getValue().canonical(), "Raise the pod-level request, or"
                                + " lower the containers' requests.");
            }
        }
        Map<String, GoQuantity> aggregateLimits = aggregate(podSpec, "limits");
        for (Map.Entry<String, GoQuantity> entry : aggregateLimits.entrySet()) {
            Quantity podLimit = podLimits.get(entry.getKey());
            if (entry.getKey().startsWith(HUGEPAGES_PREFIX) && podLimit != null
                    && entry.getValue().value().compareTo(podLimit.decimal()) > 0) {
                errors.invalidString(INVALID_RESOURCES, Where.at(path.field("limits").key(entry.getKey())),
                        GoQuantity.of(podLimit).canonical(), "must be greater than or equal to aggregate container"
                                + " limits of " + entry.getValue().canonical(), "Huge pages cannot be overcommitted:"
                                + " raise the pod-level limit.");
            }
        }
        List<YNode> containers = Fields.items(podSpec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            YamlPath limitsNode = POD_SPEC.field("containers").index(i).field("resources").field("limits");
            Map<String, Quantity> containerLimits = quantities(Fields.map(Fields.map(Fields.map(containers.get(i)),
                    "resources"), "limits"));
            for (Map.Entry<String, Quantity> limit : containerLimits.entrySet()) {
                Quantity podLimit = podLimits.get(limit.getKey());
                if (podLimit != null && limit.getValue().compareTo(podLimit) > 0) {
                    errors.invalidString(INVALID_RESOURCES, Where.printedAs(path.field("containers").index(i)
                                    .key(limit.getKey()).field("limits").toString(), limitsNode.key(limit.getKey())),
                            GoQuantity.of(limit.getValue()).canonical(), "must be less than or equal to pod limits of "
                                    + GoQuantity.of(podLimit).canonical(), "A container cannot use more than its pod.");
                }
            }
        }
    }

    /**
     * aggregateContainerResourcesByFn over the template's own requests or limits: the containers
     * summed, sidecars added, each init container's footprint (its own plus the sidecars before it)
     * a floor. Sums keep the format of the first quantity, as resource.Quantity.Add does.
     */
    private static Map<String, GoQuantity> aggregate(YMap podSpec, String list) {
        Map<String, GoQuantity> result = new LinkedHashMap<>();
        for (YNode container : Fields.items(podSpec, "containers")) {
            addAll(result, resourceList(container, list));
        }
        Map<String, GoQuantity> sidecars = new LinkedHashMap<>();
        Map<String, GoQuantity> initFloor = new LinkedHashMap<>();
        for (YNode init : Fields.items(podSpec, "initContainers")) {
            Map<String, GoQuantity> own = resourceList(init, list);
            Map<String, GoQuantity> footprint;
            if ("Always".equals(Fields.string(Fields.map(init), "restartPolicy"))) {
                addAll(result, own);
                addAll(sidecars, own);
                footprint = sidecars;
            } else {
                footprint = new LinkedHashMap<>();
                addAll(footprint, own);
                addAll(footprint, sidecars);
            }
            maxAll(initFloor, footprint);
        }
        maxAll(result, initFloor);
        return result;
    }

    private static Map<String, GoQuantity> resourceList(YNode container, String list) {
        Map<String, GoQuantity> resources = new LinkedHashMap<>();
        quantities(Fields.map(Fields.map(Fields.map(container), "resources"), list))
                .forEach((name, quantity) -> resources.put(name, GoQuantity.of(quantity)));
        return resources;
    }

    /** addResourceList. */
    private static void addAll(Map<String, GoQuantity> sum, Map<String, GoQuantity> other) {
        other.forEach((name, quantity) -> sum.merge(name, quantity, GoQuantity::plus));
    }

    /** maxResourceList: a larger quantity replaces the entry, format included. */
    private static void maxAll(Map<String, GoQuantity> max, Map<String, GoQuantity> other) {
        other.forEach((name, quantity) -> {
            GoQuantity current = max.get(name);
            if (current == null || quantity.value().compareTo(current.value()) > 0) {
                max.put(name, quantity);
            }
        });
    }

    /**
     * A resource.Quantity's value and format, enough to print it as Quantity.String() does
     * (CanonicalizeBytes): DecimalSI as the smallest integer mantissa with an exponent that is a
     * multiple of 3 (1500m, 12k); BinarySI as a multiple of the largest power of 1024 (1536Mi), falling
     * back to DecimalSI below 1024 or for fractions; DecimalExponent with an e-suffix.
     */
    record GoQuantity(BigDecimal value, char format) {
        static final char DECIMAL_SI = 'd';
        static final char BINARY_SI = 'b';
        static final char DECIMAL_EXPONENT = 'e';

        static GoQuantity of(Quantity quantity) {
            String text = quantity.text().strip();
            char format = DECIMAL_SI;
            if (text.endsWith("i")) {
                format = BINARY_SI;
            } else if (text.matches(".*[0-9.][eE][-+]?[0-9]+$")) {
                format = DECIMAL_EXPONENT;
            }
            return new GoQuantity(quantity.decimal(), format);
        }

        GoQuantity plus(GoQuantity other) {
            return new GoQuantity(value.add(other.value), format);
        }

        String canonical() {
            if (value.signum() == 0) {
                return "0";
            }
            char effective = format;
            if (format == BINARY_SI) {
                boolean small = value.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
                if (small || value.stripTrailingZeros().scale() > 0) {
                    effective = DECIMAL_SI;
                }
            }
            if (effective == BINARY_SI) {
                BigInteger whole = value.toBigIntegerExact();
                int exponent = 0;
                BigInteger kibi = BigInteger.valueOf(1024);
                while (exponent < 6 && whole.mod(kibi).signum() == 0) {
                    whole = whole.divide(kibi);
                    exponent++;
                }
                String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
                return whole + suffixes[exponent];
            }
            BigDecimal stripped = value.stripTrailingZeros();
            BigInteger mantissa = stripped.unscaledValue();
            int exponent = -stripped.scale();
            while (Math.floorMod(exponent, 3) != 0) {
                mantissa = mantissa.multiply(BigInteger.TEN);
                exponent--;
            }
            if (effective == DECIMAL_EXPONENT) {
                return mantissa + (exponent == 0 ? "" : "e" + exponent);
            }
            String suffix = switch (exponent) {
                case -9 -> "n";
                case -6 -> "u";
                case -3 -> "m";
                case 0 -> "";
                case 3 -> "k";
                case 6 -> "M";
                case 9 -> "G";
                case 12 -> "T";
                case 15 -> "P";
                case 18 -> "E";
                default -> "e" + exponent;
            };
            return mantissa + suffix;
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

    /** resourcehelper.IsSupportedPodLevelResource. */
    static boolean isSupportedPodLevelResource(String name) {
        return name.equals("cpu") || name.equals("memory") || name.startsWith(HUGEPAGES_PREFIX);
    }

    private static boolean isIntegerResourceName(String name) {
        return INTEGER_RESOURCES.contains(name) || isExtendedResourceName(name);
    }

    /** Only native resources other than huge pages may request less than their limit. */
    private static boolean isOvercommitAllowed(String name) {
        return isNativeResource(name) && !name.startsWith(HUGEPAGES_PREFIX);
    }
}
