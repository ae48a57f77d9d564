package dev.dsls.language;

import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The dsls version and the Kubernetes releases whose semantics it follows, from the build: the newest,
 * checked against by default, and all it can check against.
 */
public final class DslsVersion {
    private static final Properties PROPERTIES = load();

    private DslsVersion() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String kubernetesVersion() {
        return PROPERTIES.getProperty("kubernetes", "1.36");
    }

    /** How {@code dsls --version} begins. */
    public static String line() {
        return "dsls " + version() + " (Kubernetes " + kubernetesVersion() + " semantics; apps/v1 DaemonSet)";
    }

    /** What {@code dsls --version} says next: the versions {@code --kubernetes-version} takes. */
    public static String supportedVersionsLine() {
        return "Kubernetes versions: " + KubernetesVersion.listed(KubernetesSchema.get().supportedVersions())
                + " (--kubernetes-version, kubernetesVersion in .dsls/config.yaml, the dsls.kubernetesVersion setting;"
                + " default " + KubernetesSchema.get().newest() + ")";
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = DslsVersion.class.getResourceAsStream("/dev/dsls/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the defaults above stand in
        }
        return properties;
    }
}
