package dev.dsls.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dsls.diagnostics.CodeCatalog;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every code of validation and best practices is described in codes.properties and in the README table. */
class CodesDocumentedTest {
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Test
    void everyCodeIsCatalogued() throws IllegalAccessException, IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> holder : List.of(ValidationCodes.class, BestPractices.class, SchemaCheck.class)) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String code = (String) field.get(null);
                    assertTrue(CODE.matcher(code).matches(), code + " is not lower-kebab-case");
                    if (CodeCatalog.describe(code) == null || !readme.contains("| `" + code + "` |")) {
                        missing.add(code);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "codes missing from codes.properties or the README table");
    }
}
