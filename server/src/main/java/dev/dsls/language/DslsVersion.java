package dev.dsls.language;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The dsls version and the Kubernetes release whose semantics it follows, from the build. */
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

    /** The line {@code dsls --version} prints. */
    public static String line() {
        return "dsls " + version() + " (Kubernetes " + kubernetesVersion() + " semantics; apps/v1 DaemonSet)";
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
