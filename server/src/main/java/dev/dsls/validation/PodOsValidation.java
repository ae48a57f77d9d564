package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_POD_OS;
import static dev.dsls.validation.ValidationCodes.INVALID_SECURITY_CONTEXT;

import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * validateOS with validateLinux and validateWindows (what spec.os rules out), and
 * validateWindowsHostProcessPod (core validation).
 */
final class PodOsValidation {
    /** sets.List(validOS). */
    static final List<String> OS_NAMES = List.of("linux", "windows");
    /**
     * Pod-level fields a windows pod may not set, below the pod spec. hostUsers, hostPID, hostIPC and
     * shareProcessNamespace live in the internal security context but are printed where v1 has them.
     */
    private static final List<String> WINDOWS_POD_FIELDS = List.of("securityContext.appArmorProfile",
            "securityContext.seLinuxOptions", "hostUsers", "hostPID", "hostIPC", "securityContext.seccompProfile",
            "securityContext.fsGroup", "securityContext.fsGroupChangePolicy", "securityContext.sysctls",
            "shareProcessNamespace", "securityContext.runAsUser", "securityContext.runAsGroup",
            "securityContext.supplementalGroups", "securityContext.supplementalGroupsPolicy",
            "securityContext.seLinuxChangePolicy");
    /** Container security context fields a windows pod may not set. */
    private static final List<String> WINDOWS_CONTAINER_FIELDS = List.of("appArmorProfile", "seLinuxOptions",
            "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation",
            "procMount", "runAsUser", "runAsGroup");

    private PodOsValidation() {
    }

    /** A container of the pod with the path it is printed at. */
    private record ContainerAt(YMap container, YamlPath path) {
    }

    /**
     * validateOS: a name is Required, linux or windows; then validateLinux or validateWindows. Quirk
     * kept from upstream: an unknown name is printed at {@code os}, not {@code os.name}.
     */
    static void validateOs(YMap podSpec, FieldErrors errors) {
        YMap os = Fields.map(podSpec, "os");
        String name = Fields.string(os, "name");
        if (os == null || name == null) {
            return;
        }
        YamlPath path = POD_SPEC.field("os");
        if (name.isEmpty()) {
            errors.required(INVALID_POD_OS, Where.at(path.field("name")), "", "Use linux or windows.");
            return;
        }
        if (!OS_NAMES.contains(name)) {
            String suggestion = dev.dsls.diagnostics.Suggestions.closest(name, OS_NAMES);
            errors.notSupported(INVALID_POD_OS, Where.printedAs(path.toString(), path.field("name")),
                    GoFormat.quote(name), OS_NAMES, suggestion != null ? "Did you mean " + suggestion + "?"
                            : "Use linux or windows.");
            return;
        }
        if (name.equals("linux")) {
            validateLinux(podSpec, errors);
        } else {
            validateWindows(podSpec, errors);
        }
    }

    /** validateLinux: windowsOptions cannot be set, neither for the pod nor for a container. */
    private static void validateLinux(YMap podSpec, FieldErrors errors) {
        if (Fields.isSet(Fields.map(podSpec, "securityContext"), "windowsOptions")) {
            errors.forbidden(INVALID_POD_OS, Where.at(POD_SPEC.field("securityContext").field("windowsOptions"))
                    .onKey(), "windows options cannot be set for a linux pod", "Remove windowsOptions, or set"
                    + " os.name: windows.");
        }
        for (ContainerAt container : containers(podSpec)) {
            if (Fields.isSet(Fields.map(container.container(), "securityContext"), "windowsOptions")) {
                errors.forbidden(INVALID_POD_OS, Where.at(container.path().field("securityContext")
                        .field("windowsOptions")).onKey(), "windows options cannot be set for a linux pod",
                        "Remove windowsOptions, or set os.name: windows.");
            }
        }
    }

    /** validateWindows: the Linux-only pod and container settings cannot be set. */
    private static void validateWindows(YMap podSpec, FieldErrors errors) {
        for (String field : WINDOWS_POD_FIELDS) {
            boolean set;
            if (field.equals("hostPID") || field.equals("hostIPC")) {
                set = Fields.isTrue(podSpec, field);
            } else if (field.equals("securityContext.sysctls")) {
                set = !Fields.items(Fields.map(podSpec, "securityContext"), "sysctls").isEmpty();
            } else {
                set = isSet(podSpec, field);
            }
            if (set) {
                errors.forbidden(INVALID_POD_OS, Where.at(below(field)).onKey(),
                        "cannot be set for a windows pod", "Remove it: windows pods do not support it.");
            }
        }
        for (ContainerAt container : containers(podSpec)) {
            YMap context = Fields.map(container.container(), "securityContext");
            for (String field : WINDOWS_CONTAINER_FIELDS) {
                if (Fields.isSet(context, field)) {
                    errors.forbidden(INVALID_POD_OS, Where.at(container.path().field("securityContext").field(field))
                            .onKey(), "cannot be set for a windows pod", "Remove it: windows containers do not"
                            + " support it.");
                }
            }
        }
    }

    /** The path of a dotted field below the pod spec. */
    private static YamlPath below(String dotted) {
        YamlPath path = POD_SPEC;
        for (String part : dotted.split("\\.")) {
            path = path.field(part);
        }
        return path;
    }

    /** Whether a field below the pod spec ("securityContext.fsGroup") is set to something other than null. */
    private static boolean isSet(YMap podSpec, String dotted) {
        String[] parts = dotted.split("\\.");
        YMap map = podSpec;
        for (int i = 0; i < parts.length - 1; i++) {
            map = Fields.map(map, parts[i]);
        }
        return Fields.isSet(map, parts[parts.length - 1]);
    }

    /**
     * validateWindowsHostProcessPod: the pod's and a container's windowsOptions.hostProcess agree;
     * if any container is a HostProcess container, all are, and the pod uses hostNetwork.
     */
    static void validateWindowsHostProcessPod(YMap podSpec, FieldErrors errors) {
        Boolean podHostProcess = hostProcess(Fields.map(podSpec, "securityContext"));
        int containerCount = 0;
        int hostProcessCount = 0;
        for (ContainerAt container : containers(podSpec)) {
            containerCount++;
            Boolean containerHostProcess = hostProcess(Fields.map(container.container(), "securityContext"));
            if (podHostProcess != null && containerHostProcess != null && !podHostProcess.equals(containerHostProcess)) {
                errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(container.path().field("securityContext")
                        .field("windowsOptions").field("hostProcess")), containerHostProcess.toString(), "pod"
                        + " hostProcess value must be identical if both are specified, was " + podHostProcess,
                        "Set hostProcess once, on the pod.");
            }
            if (Boolean.TRUE.equals(containerHostProcess)
                    || containerHostProcess == null && Boolean.TRUE.equals(podHostProcess)) {
                hostProcessCount++;
            }
        }
        if (hostProcessCount == 0) {
            return;
        }
        if (hostProcessCount != containerCount) {
            errors.invalidString(INVALID_SECURITY_CONTEXT, Where.printedAs(POD_SPEC.toString(),
                    POD_SPEC.field("containers")).onKey(), "", "If pod contains any hostProcess containers then all"
                    + " containers must be HostProcess containers", "Make every container a HostProcess container.");
        }
        if (!Fields.isTrue(podSpec, "hostNetwork")) {
            errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(POD_SPEC.field("hostNetwork")), "false", "hostNetwork"
                    + " must be true if pod contains any hostProcess containers", "Add hostNetwork: true.");
        }
    }

    private static Boolean hostProcess(YMap securityContext) {
        YNode node = Fields.node(Fields.map(securityContext, "windowsOptions"), "hostProcess");
        if (node instanceof YScalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
            return dev.dsls.yaml.Yaml11.isTrue(scalar.value());
        }
        return null;
    }

    /** podshelper.VisitContainersWithPath over a template: init containers, then containers. */
    private static List<ContainerAt> containers(YMap podSpec) {
        List<ContainerAt> containers = new ArrayList<>();
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> items = Fields.items(podSpec, list);
            for (int i = 0; i < items.size(); i++) {
                YMap container = Fields.map(items.get(i));
                if (container != null) {
                    containers.add(new ContainerAt(container, POD_SPEC.field(list).index(i)));
                }
            }
        }
        return containers;
    }
}
