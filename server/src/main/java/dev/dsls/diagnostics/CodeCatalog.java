package dev.dsls.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** What each diagnostic code means, for SARIF rules and documentation. */
public final class CodeCatalog {
    private static final Properties DESCRIPTIONS = load();

    private CodeCatalog() {
    }

    /** The one-sentence meaning of a code, or null for an unknown code. */
    public static String describe(String code) {
        return DESCRIPTIONS.getProperty(code);
    }

    public static java.util.Set<String> codes() {
        return DESCRIPTIONS.stringPropertyNames();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = CodeCatalog.class.getResourceAsStream("codes.properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
