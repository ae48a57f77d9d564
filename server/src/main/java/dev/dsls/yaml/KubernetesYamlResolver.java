package dev.dsls.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars the way Kubernetes does: sigs.k8s.io/yaml reads YAML with go-yaml v2,
 * which follows YAML 1.1 ({@code y}, {@code yes}, {@code on} are booleans; {@code 0x1F} and
 * {@code 017} are integers) and keeps timestamps as strings.
 */
final class KubernetesYamlResolver extends Resolver {
    static final Pattern GO_YAML_BOOL = Pattern.compile(
            "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern GO_YAML_INT = Pattern.compile(
            "^[-+]?(?:0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+|_*[0-9][0-9_]*)$");
    static final Pattern GO_YAML_FLOAT = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern GO_YAML_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, GO_YAML_BOOL, "yYnNtTfFoO", 10);
        addImplicitResolver(Tag.INT, GO_YAML_INT, "-+0123456789_");
        addImplicitResolver(Tag.FLOAT, GO_YAML_FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        addImplicitResolver(Tag.NULL, GO_YAML_NULL, "~nN\0", 10);
        addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
}
