package dev.dsls.inventory;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.dsls.yaml.Range;
import dev.dsls.yaml.ScalarKind;
import dev.dsls.yaml.YEntry;
import dev.dsls.yaml.YMap;
import dev.dsls.yaml.YNode;
import dev.dsls.yaml.YScalar;
import dev.dsls.yaml.YSeq;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kubectl's JSON ({@code -o json} of one object, a List, a NodeList, a PodList, or
 * {@code get nodes,pods -A}) with Gson's streaming reader. Only the fields placement needs are kept,
 * one item at a time, as a small YAML-model tree that {@link ObjectDecoder} reads like parsed YAML; a
 * whole file is never held as a tree.
 */
final class JsonInventoryReader {
    private static final Map<String, Object> ITEM = InventoryShape.ITEM;
    private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

    private JsonInventoryReader() {
    }

    /** Thrown for JSON that cannot be read, with the place it stopped. */
    static final class SyntaxError extends Exception {
        final Range range;

        SyntaxError(String message, Range range) {
            super(message);
            this.range = range;
        }
    }

    /** Streams the objects of the document to the consumer, each as a pruned tree. */
    static void read(Reader input, Consumer<YMap> objects) throws SyntaxError {
        JsonReader reader = new JsonReader(input);
        try {
            if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                readItems(reader, objects);
            } else {
                readTopObject(reader, objects);
            }
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new SyntaxError("unexpected content after the JSON document", here(reader));
            }
        } catch (MalformedJsonException | IllegalStateException | NumberFormatException e) {
            throw new SyntaxError("the JSON cannot be read: " + cleanMessage(e.getMessage()), here(reader));
        } catch (java.io.EOFException e) {
            throw new SyntaxError("the JSON ends too early", here(reader));
        } catch (IOException e) {
            throw new SyntaxError("the JSON cannot be read: " + e.getMessage(), here(reader));
        }
    }

    /**
     * A top-level object is a list when it has an "items" array (kubectl prints "items" before "kind"),
     * else a single object.
     */
    private static void readTopObject(JsonReader reader, Consumer<YMap> objects) throws IOException {
        Range start = here(reader);
        reader.beginObject();
        List<YEntry> entries = new ArrayList<>();
        boolean list = false;
        while (reader.hasNext()) {
            Range keyRange = here(reader);
            String key = reader.nextName();
            if (key.equals("items") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                list = true;
                // The API server writes kind before items (kubectl after them, with kinds on every item).
                String listKind = entries.stream().filter(e -> e.name().equals("kind")).map(e -> e.value().toString())
                        .findFirst().orElse(null);
                readItems(reader, item -> objects.accept(ObjectDecoder.withListKind(item, listKind)));
            } else if (ITEM.get(key) != null) {
                entries.add(new YEntry(new YScalar(keyRange, key, ScalarKind.STRING, false),
                        value(reader, ITEM.get(key), keyRange)));
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        if (!list) {
            objects.accept(new YMap(start, entries));
        }
    }

    private static void readItems(JsonReader reader, Consumer<YMap> objects) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                objects.accept((YMap) value(reader, ITEM, here(reader)));
            } else {
                reader.skipValue();
            }
        }
        reader.endArray();
    }

    /** Reads one value, keeping only what the shape names; objects carry their start line. */
    private static YNode value(JsonReader reader, Object shape, Range at) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Range range = here(reader);
                reader.beginObject();
                List<YEntry> entries = new ArrayList<>();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    Object child = InventoryShape.child(shape, key);
                    if (child == null) {
                        reader.skipValue();
                    } else {
                        entries.add(new YEntry(new YScalar(range, key, ScalarKind.STRING, false),
                                value(reader, child, range)));
                    }
                }
                reader.endObject();
                return new YMap(range, entries);
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                List<YNode> items = new ArrayList<>();
                while (reader.hasNext()) {
                    items.add(value(reader, shape, at));
                }
                reader.endArray();
                return new YSeq(at, items);
            }
            case STRING -> {
                return new YScalar(at, reader.nextString(), ScalarKind.STRING, false);
            }
            case NUMBER -> {
                String number = reader.nextString();
                boolean integral = number.chars().allMatch(c -> c == '-' || Character.isDigit(c));
                return new YScalar(at, number, integral ? ScalarKind.INTEGER : ScalarKind.FLOAT, false);
            }
            case BOOLEAN -> {
                return new YScalar(at, String.valueOf(reader.nextBoolean()), ScalarKind.BOOLEAN, false);
            }
            case NULL -> {
                reader.nextNull();
                return new YScalar(at, "null", ScalarKind.NULL, false);
            }
            default -> throw new IllegalStateException("unexpected " + reader.peek());
        }
    }

    /**
     * The reader's position as a range. Gson reports it only in its description ("at line L column C"),
     * so that is where it is taken from; objects are the granularity problems need.
     */
    private static Range here(JsonReader reader) {
        Matcher matcher = LOCATION.matcher(reader.toString());
        if (!matcher.find()) {
            return Range.of(0, 0, 0, 0);
        }
        int line = Integer.parseInt(matcher.group(1)) - 1;
        int column = Math.max(0, Integer.parseInt(matcher.group(2)) - 1);
        return Range.of(line, column, line, column);
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int see = message.indexOf("\nSee ");
        String text = see >= 0 ? message.substring(0, see) : message;
        return LOCATION.matcher(text).replaceAll("").replaceAll(" path \\$\\S*", "").strip();
    }
}
