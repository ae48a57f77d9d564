package dev.dsls.yaml;

/** Something wrong with the YAML text itself, found before any Kubernetes meaning is read. */
public record YamlProblem(String code, String message, Range range) {
}
