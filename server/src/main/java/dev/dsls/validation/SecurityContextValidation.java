package dev.dsls.validation;

import static dev.dsls.validation.DaemonSetSpecValidation.POD_SPEC;
import static dev.dsls.validation.FieldErrors.Where;
import static dev.dsls.validation.ValidationCodes.INVALID_SECURITY_CONTEXT;
import static dev.dsls.validation.ValidationCodes.INVALID_SECURITY_PROFILE;
import static dev.dsls.validation.ValidationCodes.INVALID_SYSCTL;

import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YamlPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** ValidateSecurityContext, validatePodSpecSecurityContext, sysctls and seccomp/AppArmor profiles. */
final class SecurityContextValidation {
    static final int SYSCTL_MAX_LENGTH = 253;
    private static final String SYSCTL_SEGMENT_FMT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static final String SYSCTL_FMT = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*" + SYSCTL_SEGMENT_FMT + "$";
    private static final Pattern SYSCTL = Pattern.compile(SYSCTL_FMT);
    private static final List<String> PROFILE_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");

    private SecurityContextValidation() {
    }

    /**
     * ValidateSecurityContext (a container's).
     *
     * @param hostUsers the pod's hostUsers (true unless set to false): Unmasked /proc needs a user namespace
     */
    static void validateSecurityContext(YMap context, YamlPath path, boolean hostUsers, FieldErrors errors) {
        if (context == null) {
            return;
        }
        validateId(context, "runAsUser", path, true, errors);
        validateId(context, "runAsGroup", path, false, errors);
        String procMount = Fields.string(context, "procMount");
        if (procMount != null && Fields.isSet(context, "procMount")) {
            if (!procMount.equals("Default") && !procMount.equals("Unmasked")) {
                errors.notSupported(INVALID_SECURITY_CONTEXT, Where.at(path.field("procMount")),
                        GoFormat.quote(procMount), List.of("Default", "Unmasked"), "Values are case-sensitive.");
            }
            if (procMount.equals("Unmasked") && hostUsers) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, Where.at(path.field("procMount")), procMount,
                        "`hostUsers` must be false to use `Unmasked`", "Set spec.template.spec.hostUsers: false"
                                + " (a user namespace), or use procMount Default.");
            }
        }
        validateProfile(Fields.map(context, "seccompProfile"), path.field("seccompProfile"), "seccomp", errors);
        if (Fields.isFalse(context, "allowPrivilegeEscalation")) {
            if (Fields.isTrue(context, "privileged")) {
                errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(path).onKey(), "&core.SecurityContext{...}",
                        "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
                        "A privileged container can always escalate: drop one of the two settings.");
            }
            for (YNode capability : Fields.items(Fields.map(context, "capabilities"), "add")) {
                if (capability instanceof YScalar scalar && scalar.value().equals("CAP_SYS_ADMIN")) {
                    errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(path).onKey(), "&core.SecurityContext{...}",
                            "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
                            "CAP_SYS_ADMIN allows escalation: drop one of the two settings.");
                }
            }
        }
        validateWindowsOptions(Fields.map(context, "windowsOptions"), path.field("windowsOptions"), errors);
        validateProfile(Fields.map(context, "appArmorProfile"), path.field("appArmorProfile"), "AppArmor", errors);
    }

    /**
     * validatePodSpecSecurityContext. Quirk: internally hostPID lives in the security context, so a
     * clash with shareProcessNamespace is printed at {@code securityContext.shareProcessNamespace}.
     */
    static void validatePodSpecSecurityContext(YMap podSpec, FieldErrors errors) {
        YamlPath path = POD_SPEC.field("securityContext");
        YMap context = Fields.map(podSpec, "securityContext");
        validateId(context, "fsGroup", path, false, errors);
        validateId(context, "runAsUser", path, true, errors);
        validateId(context, "runAsGroup", path, false, errors);
        List<YNode> groups = Fields.items(context, "supplementalGroups");
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g) instanceof YScalar scalar && Fields.integerValue(scalar) != null) {
                long gid = Fields.integerValue(scalar);
                for (String message : ValidationSyntax.groupId(gid)) {
                    errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(path.field("supplementalGroups").index(g)),
                            Long.toString(gid), message, "Group IDs are 0-" + ValidationSyntax.MAX_USER_ID + ".");
                }
            }
        }
        if (Fields.isTrue(podSpec, "hostPID") && Fields.isTrue(podSpec, "shareProcessNamespace")) {
            errors.invalid(INVALID_SECURITY_CONTEXT, Where.printedAs(path.field("shareProcessNamespace").toString(),
                    POD_SPEC.field("shareProcessNamespace")), "true", "ShareProcessNamespace and HostPID cannot both"
                    + " be enabled", "With hostPID the containers already see every process of the node: remove"
                    + " shareProcessNamespace.");
        }
        validateSysctls(podSpec, context, path.field("sysctls"), errors);
        validateEnum(context, "fsGroupChangePolicy", List.of("Always", "OnRootMismatch"), path, errors);
        validateProfile(Fields.map(context, "seccompProfile"), path.field("seccompProfile"), "seccomp", errors);
        validateWindowsOptions(Fields.map(context, "windowsOptions"), path.field("windowsOptions"), errors);
        validateProfile(Fields.map(context, "appArmorProfile"), path.field("appArmorProfile"), "AppArmor", errors);
        validateEnum(context, "supplementalGroupsPolicy", List.of("Merge", "Strict"), path, errors);
        // validateSELinuxChangePolicy: with SELinuxMount off by default (beta), only Recursive is allowed.
        validateEnum(context, "seLinuxChangePolicy", List.of("Recursive"), path, errors);
    }

    private static final int MAX_GMSA_CREDENTIAL_SPEC_LENGTH = 64 * 1024;
    private static final int MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH = 256;
    private static final int MAX_RUN_AS_USER_NAME_USER_LENGTH = 104;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");
    private static final Pattern NETBIOS_DOMAIN = Pattern.compile("[^\\\\/:*?\"<>|.][^\\\\/:*?\"<>|]{0,14}");
    private static final String WINDOWS_DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final Pattern WINDOWS_DNS_DOMAIN = Pattern.compile(WINDOWS_DNS_LABEL + "(?:\\." + WINDOWS_DNS_LABEL
            + ")*");
    private static final Pattern INVALID_USER_NAME_CHARACTERS = Pattern.compile("[\"/\\\\:;|=,+*?<>@\\[\\]]");
    private static final Pattern ONLY_DOTS_AND_SPACES = Pattern.compile("[. ]+");

    /**
     * validateWindowsSecurityContextOptions: the GMSA credential spec name is a DNS subdomain and the
     * spec itself non-empty and under 64 KiB; runAsUserName is a non-empty [DOMAIN\\]USER without
     * control characters, with a NetBIOS or DNS domain under 256 characters and a user of at most 104
     * characters that is not only dots and spaces and has none of "/\\:;|=,+*?<>@[].
     */
    private static void validateWindowsOptions(YMap options, YamlPath path, FieldErrors errors) {
        if (options == null) {
            return;
        }
        String credentialSpecName = Fields.string(options, "gmsaCredentialSpecName");
        if (credentialSpecName != null && Fields.isSet(options, "gmsaCredentialSpecName")) {
            for (String message : ValidationSyntax.dns1123Subdomain(credentialSpecName)) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, Where.at(path.field("gmsaCredentialSpecName")),
                        credentialSpecName, message, "Name the GMSACredentialSpec resource.");
            }
        }
        String credentialSpec = Fields.string(options, "gmsaCredentialSpec");
        if (credentialSpec != null && Fields.isSet(options, "gmsaCredentialSpec")) {
            Where where = Where.at(path.field("gmsaCredentialSpec"));
            if (credentialSpec.isEmpty()) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, credentialSpec,
                        "gmsaCredentialSpec cannot be an empty string", "Remove it or give the credential spec.");
            } else if (credentialSpec.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    > MAX_GMSA_CREDENTIAL_SPEC_LENGTH) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, credentialSpec, "gmsaCredentialSpec size must be"
                        + " under 64 KiB", "Reference it by gmsaCredentialSpecName instead.");
            }
        }
        String userName = Fields.string(options, "runAsUserName");
        if (userName == null || !Fields.isSet(options, "runAsUserName")) {
            return;
        }
        Where where = Where.at(path.field("runAsUserName"));
        String fix = "Write it as USER or DOMAIN\\USER.";
        String[] parts = userName.split("\\\\", -1);
        if (userName.isEmpty()) {
            errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName cannot be an empty string",
                    fix);
        } else if (CONTROL_CHARACTERS.matcher(userName).find()) {
            errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName cannot contain control"
                    + " characters", fix);
        } else if (parts.length > 2) {
            errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName cannot contain more than"
                    + " one backslash", fix);
        } else {
            boolean hasDomain = parts.length == 2;
            String domain = hasDomain ? parts[0] : "";
            String user = hasDomain ? parts[1] : parts[0];
            if (domain.length() >= MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's Domain length must be"
                        + " under " + MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH + " characters", fix);
            }
            if (hasDomain && !NETBIOS_DOMAIN.matcher(domain).matches() && !WINDOWS_DNS_DOMAIN.matcher(domain).matches()) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's Domain doesn't match"
                        + " the NetBios nor the DNS format", fix);
            }
            if (user.isEmpty()) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's User cannot be empty",
                        fix);
            } else if (user.length() > MAX_RUN_AS_USER_NAME_USER_LENGTH) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's User length must not"
                        + " be longer than " + MAX_RUN_AS_USER_NAME_USER_LENGTH + " characters", fix);
            }
            if (ONLY_DOTS_AND_SPACES.matcher(user).matches()) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's User cannot contain"
                        + " only periods or spaces", fix);
            }
            if (INVALID_USER_NAME_CHARACTERS.matcher(user).find()) {
                errors.invalidString(INVALID_SECURITY_CONTEXT, where, userName, "runAsUserName's User cannot contain the"
                        + " following characters: \"/\\:;|=,+*?<>@[]", fix);
            }
        }
    }

    private static void validateEnum(YMap context, String field, List<String> supported, YamlPath path,
                                     FieldErrors errors) {
        String value = Fields.string(context, field);
        if (value != null && Fields.isSet(context, field) && !supported.contains(value)) {
            errors.notSupported(INVALID_SECURITY_CONTEXT, Where.at(path.field(field)), GoFormat.quote(value), supported,
                    "Values are case-sensitive.");
        }
    }

    private static void validateId(YMap context, String field, YamlPath path, boolean user, FieldErrors errors) {
        Long id = Fields.isSet(context, field) ? Fields.integer(context, field, 0) : null;
        if (id == null) {
            return;
        }
        for (String message : user ? ValidationSyntax.userId(id) : ValidationSyntax.groupId(id)) {
            errors.invalid(INVALID_SECURITY_CONTEXT, Where.at(path.field(field)), Long.toString(id), message,
                    (user ? "User" : "Group") + " IDs are 0-" + ValidationSyntax.MAX_USER_ID + ".");
        }
    }

    /**
     * validateSysctls: names match the sysctl syntax, appear once, and namespaced sysctls are refused
     * when the pod shares that namespace with the node (net.* with hostNetwork, IPC ones with hostIPC).
     */
    private static void validateSysctls(YMap podSpec, YMap context, YamlPath path, FieldErrors errors) {
        List<YNode> sysctls = Fields.items(context, "sysctls");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sysctls.size(); i++) {
            YMap sysctl = Fields.map(sysctls.get(i));
            String name = Fields.string(sysctl, "name");
            if (sysctl == null || name == null) {
                continue;
            }
            Where where = Where.at(path.index(i).field("name"));
            if (name.isEmpty()) {
                errors.required(INVALID_SYSCTL, where, "", "Name the kernel parameter, e.g. net.ipv4.ip_forward.");
            } else if (name.length() > SYSCTL_MAX_LENGTH || !SYSCTL.matcher(name).matches()) {
                errors.invalidString(INVALID_SYSCTL, where, name, "must have at most " + SYSCTL_MAX_LENGTH
                        + " characters and match regex " + SYSCTL_FMT, "Write it as dotted lower-case segments.");
            } else if (names.contains(name)) {
                errors.duplicate(INVALID_SYSCTL, where, GoFormat.quote(name), "Set each sysctl once.");
            }
            if (Fields.isTrue(podSpec, "hostNetwork") && isNetworkNamespaced(name)) {
                errors.invalidString(INVALID_SYSCTL, where, name, "may not be specified when 'hostNetwork' is true",
                        "With hostNetwork this would change the node's own network stack: set it on the node.");
            }
            if (Fields.isTrue(podSpec, "hostIPC") && isIpcNamespaced(name)) {
                errors.invalidString(INVALID_SYSCTL, where, name, "may not be specified when 'hostIPC' is true",
                        "With hostIPC this would change the node's IPC settings: set it on the node.");
            }
            names.add(name);
        }
    }

    static boolean isNetworkNamespaced(String sysctl) {
        return sysctl.replace('/', '.').startsWith("net.");
    }

    static boolean isIpcNamespaced(String sysctl) {
        String name = sysctl.replace('/', '.');
        return name.equals("kernel.sem") || name.startsWith("kernel.shm") || name.startsWith("kernel.msg")
                || name.startsWith("fs.mqueue.");
    }

    /**
     * validateSeccompProfileField / ValidateAppArmorProfileField: a known type, and localhostProfile
     * exactly when the type is Localhost.
     */
    private static void validateProfile(YMap profile, YamlPath path, String kind, FieldErrors errors) {
        if (profile == null) {
            return;
        }
        String type = Fields.string(profile, "type");
        if (type == null) {
            return;
        }
        boolean seccomp = kind.equals("seccomp");
        if (type.isEmpty()) {
            errors.required(INVALID_SECURITY_PROFILE, Where.at(path.field("type")), "type is required when "
                    + (seccomp ? "seccompProfile" : "appArmorProfile") + " is set", "Usually RuntimeDefault.");
        } else if (!PROFILE_TYPES.contains(type)) {
            errors.notSupported(INVALID_SECURITY_PROFILE, Where.at(path.field("type")), GoFormat.quote(type),
                    PROFILE_TYPES, "Usually RuntimeDefault.");
        }
        String localhostProfile = Fields.string(profile, "localhostProfile");
        boolean hasLocalhostProfile = Fields.isSet(profile, "localhostProfile");
        YamlPath localhostPath = path.field("localhostProfile");
        if (type.equals("Localhost")) {
            if (!hasLocalhostProfile || (!seccomp && localhostProfile != null && localhostProfile.isEmpty())) {
                errors.required(INVALID_SECURITY_PROFILE, Where.at(localhostPath), "must be set when " + kind
                        + " type is Localhost", "Name the profile file on the node.");
            } else if (seccomp && localhostProfile != null) {
                VolumeValidation.validateLocalDescendingPath(localhostProfile, Where.at(localhostPath),
                        INVALID_SECURITY_PROFILE, errors);
            } else if (localhostProfile != null && !localhostProfile.strip().equals(localhostProfile)) {
                errors.invalidString(INVALID_SECURITY_PROFILE, Where.at(localhostPath), localhostProfile,
                        "must not be padded with whitespace", "Remove the spaces.");
            }
        } else if (hasLocalhostProfile && !type.isEmpty()) {
            errors.invalid(INVALID_SECURITY_PROFILE, Where.at(localhostPath).onKey(), seccomp
                            ? "&core.SeccompProfile{Type:" + GoFormat.quote(type) + ", LocalhostProfile:"
                            + GoFormat.quote(localhostProfile == null ? "" : localhostProfile) + "}"
                            : GoFormat.quote(localhostProfile == null ? "" : localhostProfile),
                    "can only be set when " + kind + " type is Localhost", "Remove localhostProfile or use type"
                            + " Localhost.");
        }
    }
}
