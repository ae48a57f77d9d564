package dev.dsls.language;

import dev.dsls.schema.FieldDef;
import dev.dsls.schema.FieldType;
import dev.dsls.schema.KubernetesSchema;
import dev.dsls.schema.KubernetesVersion;
import dev.dsls.schema.NodeLabels;
import dev.dsls.schema.TypeDef;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.TextIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion for DaemonSet manifests: keys valid at the cursor in the Kubernetes version checked against,
 * values of enums and booleans, and labels, taints and node names from the inventory. Reads the text by
 * indentation, so it works on YAML that does not parse while the user is typing.
 */
final class CompletionService {
    private static final List<String> POD_SPEC = List.of("spec", "template", "spec");
    /** Pod fields the API server rejects in a DaemonSet's template: never offered there. */
    private static final Set<String> REJECTED_IN_DAEMON_SETS = Set.of("activeDeadlineSeconds", "ephemeralContainers");
    private static final String SKELETON = String.join("\n",
            "apiVersion: apps/v1",
            "kind: DaemonSet",
            "metadata:",
            "  name: ${1:node-agent}",
            "spec:",
            "  selector:",
            "    matchLabels:",
            "      app: ${1:node-agent}",
            "  template:",
            "    metadata:",
            "      labels:",
            "        app: ${1:node-agent}",
            "    spec:",
            "      containers:",
            "      - name: ${1:node-agent}",
            "        image: ${2:registry.example.com/node-agent:1.0.0}",
            "        resources:",
            "          requests:",
            "            cpu: ${3:50m}",
            "            memory: ${4:64Mi}",
            "$0");

    List<CompletionItem> complete(FeatureRequest request, NodeFacts nodes, KubernetesVersion target) {
        Position position = request.position();
        ClientFeatures client = request.client();
        TextIndex index = new TextIndex(request.file().text());
        CursorContext context = CursorContext.at(index, position);
        List<CompletionItem> items = new ArrayList<>();
        Range replace = new Range(new org.eclipse.lsp4j.Position(position.line(), context.wordStart()),
                new org.eclipse.lsp4j.Position(position.line(), position.character()));
        if (context.onValue()) {
            completeValue(context, index, position, nodes, target, client, replace, items);
        } else if (context.inListItem() && context.key().isEmpty() && !context.path().isEmpty()) {
            completeListItem(context, index, position.line(), nodes, client, replace, items);
            completeKeys(context, nodes, target, client, replace, items);
        } else {
            if (context.path().isEmpty() && context.siblings().isEmpty() && context.column() == 0) {
                items.add(skeleton(client, replace));
            }
            completeKeys(context, nodes, target, client, replace, items);
        }
        return items;
    }

    private void completeKeys(CursorContext context, NodeFacts nodes, KubernetesVersion target, ClientFeatures client,
                              Range replace, List<CompletionItem> items) {
        KubernetesSchema schema = KubernetesSchema.get();
        FieldType type = SchemaNavigator.typeAt(schema, context.path(), target);
        if (type == null) {
            return;
        }
        if (type.kind() == FieldType.Kind.MAP && SchemaNavigator.endsWith(context.path(), "nodeSelector")) {
            for (Map.Entry<String, Map<String, List<String>>> label : nodes.labels().entrySet()) {
                if (context.siblings().contains(label.getKey())) {
                    continue;
                }
                CompletionItem item = labelKeyItem(label.getKey(), label.getValue(), nodes, CompletionItemKind.Property,
                        quoteKey(label.getKey()) + ": ", client, replace);
                item.setDocumentation(doc(client, "Label values: " + String.join(", ", label.getValue().keySet().stream()
                        .map(value -> value.isEmpty() ? "\"\"" : value).toList())));
                items.add(item);
            }
            return;
        }
        if (type.kind() != FieldType.Kind.OBJECT) {
            return;
        }
        TypeDef def = schema.type(type.ref());
        Set<String> present = context.siblings();
        String indent = " ".repeat(context.column());
        boolean podSpec = context.path().equals(POD_SPEC);
        for (FieldDef field : def.fields().values()) {
            if (present.contains(field.name()) || (context.path().isEmpty() && field.name().equals("status"))
                    || podSpec && REJECTED_IN_DAEMON_SETS.contains(field.name()) || !field.availableIn(target)) {
                continue;
            }
            CompletionItem item = item(field.name(), CompletionItemKind.Property, field.type().display()
                    + (field.required() ? " · required" : ""), replace, keyInsert(field, indent, client), client);
            item.setInsertTextFormat(client.snippets() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
            item.setSortText((field.required() ? "0" : "1") + field.name());
            item.setDocumentation(doc(client, FieldDocs.render(field, target, client.markdown())));
            items.add(item);
        }
    }

    private static String keyInsert(FieldDef field, String indent, ClientFeatures client) {
        String end = client.snippets() ? "$0" : "";
        return switch (field.type().kind()) {
            case OBJECT, MAP, ANY -> field.name() + ":\n" + indent + "  " + end;
            case ARRAY -> field.name() + ":\n" + indent + "- " + end;
            default -> field.name() + ": " + end;
        };
    }

    private void completeValue(CursorContext context, TextIndex index, Position position, NodeFacts nodes,
                               KubernetesVersion target, ClientFeatures client, Range replace,
                               List<CompletionItem> items) {
        List<String> path = context.path();
        String key = context.key();
        if (path.isEmpty() && key.equals("apiVersion")) {
            items.add(item("apps/v1", CompletionItemKind.Value, "the current DaemonSet API", replace, "apps/v1", client));
            return;
        }
        if (path.isEmpty() && key.equals("kind")) {
            items.add(item("DaemonSet", CompletionItemKind.Value, "apps/v1", replace, "DaemonSet", client));
            return;
        }
        if (SchemaNavigator.endsWith(path, "nodeSelector")) {
            labelValues(key, nodes, client, replace, items);
            return;
        }
        if (SchemaNavigator.endsWith(path, "matchExpressions") && key.equals("key")
                && path.contains("nodeSelectorTerms")) {
            labelKeys(nodes, client, replace, items);
            return;
        }
        if (SchemaNavigator.endsWith(path, "tolerations")) {
            if (key.equals("key")) {
                for (String taintKey : nodes.taints().stream().map(NodeFacts.Taint::key).distinct().sorted().toList()) {
                    items.add(taintItem(taintKey, nodes, t -> t.key().equals(taintKey), client, replace));
                }
            } else if (key.equals("effect")) {
                // With the toleration's key written, the effects that key's taints have, else all three.
                String taintKey = siblingValue(index, position.line(), context.column(), "key");
                List<String> effects = nodes.taints().stream().filter(t -> t.key().equals(taintKey))
                        .map(NodeFacts.Taint::effect).distinct().sorted().toList();
                for (String effect : effects.isEmpty() ? List.of("NoSchedule", "PreferNoSchedule", "NoExecute") : effects) {
                    items.add(taintItem(effect, nodes, t -> t.effect().equals(effect)
                            && (effects.isEmpty() || t.key().equals(taintKey)), client, replace));
                }
                return;
            } else if (key.equals("value")) {
                for (String value : nodes.taints().stream().map(NodeFacts.Taint::value)
                        .filter(v -> v != null && !v.isEmpty()).distinct().sorted().toList()) {
                    items.add(taintItem(value, nodes, t -> value.equals(t.value()), client, replace));
                }
            }
        }
        KubernetesSchema schema = KubernetesSchema.get();
        FieldDef field = SchemaNavigator.fieldAt(schema, path, key, target);
        if (field == null || !field.availableIn(target)) {
            return;
        }
        if (!field.enumValues().isEmpty()) {
            for (String value : field.enumValues()) {
                if (value.isEmpty()) {
                    continue;
                }
                CompletionItem item = item(value, CompletionItemKind.EnumMember, field.name(), replace, value, client);
                item.setDocumentation(doc(client, FieldDocs.render(field, target, client.markdown())));
                items.add(item);
            }
        } else if (field.type().kind() == FieldType.Kind.BOOLEAN) {
            for (String value : List.of("true", "false")) {
                items.add(item(value, CompletionItemKind.Value, "boolean", replace, value, client));
            }
        }
    }

    private void completeListItem(CursorContext context, TextIndex index, int line, NodeFacts nodes,
                                  ClientFeatures client, Range replace, List<CompletionItem> items) {
        List<String> path = context.path();
        if (SchemaNavigator.endsWith(path, "matchFields", "values")) {
            for (String name : nodes.nodeNames()) {
                items.add(item(name, CompletionItemKind.Value, "node", replace, name, client));
            }
        } else if (SchemaNavigator.endsWith(path, "matchExpressions", "values") && path.contains("nodeSelectorTerms")) {
            String key = expressionKey(index, line);
            if (key != null) {
                labelValues(key, nodes, client, replace, items);
            }
        }
    }

    /**
     * The value of {@code key} in the same block mapping as the line (a list item's entries at the
     * column), read by indentation so it works while the YAML does not parse; null when absent.
     */
    static String siblingValue(TextIndex index, int line, int column, String key) {
        java.util.regex.Pattern entry = java.util.regex.Pattern.compile("^(- )?" + java.util.regex.Pattern.quote(key)
                + ":\\s*[\"']?([^\"'#\\s]+)[\"']?\\s*(#.*)?$");
        for (int direction : new int[] {-1, 1}) {
            for (int n = line; n >= 0 && n < index.lineCount(); n += direction) {
                String text = index.lineText(n);
                int indent = text.length() - text.stripLeading().length();
                boolean itemStart = text.stripLeading().startsWith("- ") && indent == column - 2;
                if (n != line && (text.isBlank() || indent > column)) {
                    continue;
                }
                if (n != line && (indent < column - 2 || indent < column && !itemStart || itemStart && direction > 0)) {
                    break;
                }
                java.util.regex.Matcher found = entry.matcher(text.substring(Math.min(text.length(), itemStart ? indent : column)));
                if (n != line && found.matches()) {
                    return found.group(2);
                }
                if (itemStart && (n != line || direction < 0)) {
                    break;
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern VALUES_KEY = java.util.regex.Pattern.compile("^(\\s*)(- )?values:\\s*$");
    private static final java.util.regex.Pattern EXPRESSION_KEY =
            java.util.regex.Pattern.compile("^(\\s*)(- )?key:\\s*[\"']?([^\"'#\\s]+)[\"']?\\s*(#.*)?$");

    /**
     * The {@code key:} of the node selector requirement whose {@code values:} list holds the line: the
     * entry at the same column as {@code values}, above or below it, within the same list item.
     */
    static String expressionKey(TextIndex index, int line) {
        int valuesLine = line - 1;
        java.util.regex.Matcher values = null;
        for (; valuesLine >= 0 && line - valuesLine < 50; valuesLine--) {
            values = VALUES_KEY.matcher(index.lineText(valuesLine));
            if (values.matches()) {
                break;
            }
        }
        if (valuesLine < 0 || values == null || !values.matches()) {
            return null;
        }
        int column = values.group(1).length() + (values.group(2) == null ? 0 : 2);
        // When "values" opens the list item, the item has nothing above it.
        int[] directions = values.group(2) == null ? new int[] {-1, 1} : new int[] {1};
        for (int direction : directions) {
            for (int n = valuesLine + direction; n >= 0 && n < index.lineCount(); n += direction) {
                String text = index.lineText(n);
                int indent = text.length() - text.stripLeading().length();
                if (text.isBlank() || (indent > column && direction > 0)) {
                    continue;
                }
                java.util.regex.Matcher key = EXPRESSION_KEY.matcher(text);
                if (key.matches() && key.group(1).length() + (key.group(2) == null ? 0 : 2) == column) {
                    return key.group(3);
                }
                boolean itemStart = text.stripLeading().startsWith("- ") && indent == column - 2;
                if (indent < column - 2 || itemStart) {
                    break;
                }
            }
        }
        return null;
    }

    private void labelKeys(NodeFacts nodes, ClientFeatures client, Range replace, List<CompletionItem> items) {
        for (Map.Entry<String, Map<String, List<String>>> label : nodes.labels().entrySet()) {
            items.add(labelKeyItem(label.getKey(), label.getValue(), nodes, CompletionItemKind.Value, label.getKey(),
                    client, replace));
        }
    }

    /**
     * A node label key with how many nodes carry it. Deprecated labels (beta.kubernetes.io/os, …) come
     * last and are marked, so a client that takes the first item never takes one.
     */
    private static CompletionItem labelKeyItem(String key, Map<String, List<String>> values, NodeFacts nodes,
                                               CompletionItemKind kind, String insert, ClientFeatures client, Range replace) {
        int carrying = values.values().stream().mapToInt(List::size).sum();
        String deprecation = NodeLabels.DEPRECATED.get(key);
        CompletionItem item = item(key, kind, String.format("%s · on %d of %d nodes%s", key, carrying, nodes.nodeCount(),
                deprecation == null ? "" : " · " + deprecation), replace, insert, client);
        item.setSortText((deprecation == null ? "0" : "1") + key);
        if (deprecation != null) {
            item.setTags(List.of(CompletionItemTag.Deprecated));
        }
        return item;
    }

    private void labelValues(String key, NodeFacts nodes, ClientFeatures client, Range replace,
                             List<CompletionItem> items) {
        Map<String, List<String>> values = nodes.labels().get(key);
        if (values == null) {
            return;
        }
        for (Map.Entry<String, List<String>> value : values.entrySet()) {
            String insert = needsQuotes(value.getKey()) ? "\"" + value.getKey() + "\"" : value.getKey();
            CompletionItem item = item(value.getKey().isEmpty() ? "\"\"" : value.getKey(), CompletionItemKind.Value,
                    String.format("%s=%s · %d of %d nodes", key, value.getKey(), value.getValue().size(),
                            nodes.nodeCount()), replace, insert, client);
            item.setFilterText(value.getKey().isEmpty() ? "\"\"" : value.getKey());
            item.setDocumentation(doc(client, "Nodes: " + String.join(", ", value.getValue())));
            items.add(item);
        }
    }

    private CompletionItem taintItem(String label, NodeFacts nodes, java.util.function.Predicate<NodeFacts.Taint> filter,
                                     ClientFeatures client, Range replace) {
        List<NodeFacts.Taint> matching = nodes.taints().stream().filter(filter).toList();
        String detail = matching.isEmpty() ? "no node has such a taint"
                : matching.get(0).display() + " · on " + String.join(", ", matching.get(0).nodes())
                + (matching.size() > 1 ? " (+" + (matching.size() - 1) + " more taints)" : "");
        return item(label, CompletionItemKind.Value, detail, replace, label, client);
    }

    /** Values YAML 1.1 would not read as strings must be quoted where Kubernetes wants a string. */
    static boolean needsQuotes(String value) {
        return dev.dsls.yaml.Yaml11.resolvePlain(value) != dev.dsls.yaml.ScalarKind.STRING
                || value.isEmpty() || value.contains(": ") || value.startsWith("*") || value.startsWith("&");
    }

    private static String quoteKey(String key) {
        return needsQuotes(key) ? "\"" + key + "\"" : key;
    }

    private CompletionItem skeleton(ClientFeatures client, Range replace) {
        String text = client.snippets() ? SKELETON : SKELETON.replaceAll("\\$\\{\\d+:([^}]*)}", "$1").replace("$0", "");
        CompletionItem item = item("DaemonSet skeleton", CompletionItemKind.Snippet, "a complete apps/v1 DaemonSet",
                replace, text, client);
        item.setInsertTextFormat(client.snippets() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        item.setSortText("00");
        item.setFilterText("DaemonSet apiVersion kind");
        return item;
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, Range replace,
                                       String insert, ClientFeatures client) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        item.setTextEdit(Either.forLeft(new TextEdit(replace, insert)));
        item.setInsertTextFormat(InsertTextFormat.PlainText);
        item.setFilterText(label);
        return item;
    }

    private static Either<String, MarkupContent> doc(ClientFeatures client, String text) {
        return Either.forRight(new MarkupContent(client.markdown() ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
    }
}
