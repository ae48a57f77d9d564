package dev.dsls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version line, naming the Kubernetes release whose semantics dsls follows. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    private static final Properties PROPERTIES = load();

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String kubernetesVersion() {
        return PROPERTIES.getProperty("kubernetes", "1.36");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dsls " + version() + " (Kubernetes " + kubernetesVersion() + " semantics; apps/v1 DaemonSet)"};
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/dev/dsls/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the defaults above stand in
        }
        return properties;
    }
}
