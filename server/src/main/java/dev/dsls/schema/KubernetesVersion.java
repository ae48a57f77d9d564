package dev.dsls.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor release such as 1.31: the version of the cluster a manifest is checked against.
 * Users name one as {@code 1.31} or {@code v1.31}; dsls knows the versions the build generated a schema
 * for ({@link KubernetesSchema#supportedVersions()}) and no others.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
    private static final Pattern MINOR_RELEASE = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,3})");

    /**
     * A supported version from its name ({@code 1.31}, {@code v1.31}). Anything else, a patch release
     * ({@code 1.31.4}) or a version the build has no schema for is an IllegalArgumentException whose
     * message names the text and lists the supported versions.
     */
    public static KubernetesVersion parse(String text) {
        List<KubernetesVersion> supported = KubernetesSchema.get().supportedVersions();
        KubernetesVersion version = named(text);
        if (version == null || !supported.contains(version)) {
            throw new IllegalArgumentException(text + " is not a Kubernetes version dsls supports; the supported"
                    + " versions are " + listed(supported));
        }
        return version;
    }

    /** The version a schema resource names ({@code 1.31}), supported or not; null for other text. */
    static KubernetesVersion named(String text) {
        Matcher matcher = text == null ? null : MINOR_RELEASE.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        return new KubernetesVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The versions as a sentence lists them: {@code 1.31, 1.32 and 1.33}. */
    public static String listed(List<KubernetesVersion> versions) {
        List<String> names = versions.stream().map(KubernetesVersion::toString).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The supported version just before this one, or null for the oldest. */
    public KubernetesVersion previous() {
        List<KubernetesVersion> supported = KubernetesSchema.get().supportedVersions();
        int at = supported.indexOf(this);
        return at > 0 ? supported.get(at - 1) : null;
    }

    public boolean isBefore(KubernetesVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KubernetesVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
