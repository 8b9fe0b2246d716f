package dev.ladder.core.testing;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okio.Buffer;

/**
 * Reads and writes JSON trees of maps, lists, strings, numbers, booleans and nulls. Numbers are
 * read as {@link BigDecimal}, so floats and longs survive a round trip exactly.
 */
final class Json {
    private Json() {}

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming {@code source} and where it broke. */
    static Object parse(String text, String source) {
        try {
            JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
            Object value = read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new JsonEncodingException("text follows the JSON value at " + reader.getPath());
            }
            return value;
        } catch (IOException | JsonDataException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code tree} as indented JSON, keys in insertion order. */
    static String pretty(Object tree) {
        return write(tree, "  ", false);
    }

    /** Writes {@code tree} as compact JSON with object keys sorted, so equal trees give equal text. */
    static String canonical(Object tree) {
        return write(tree, "", true);
    }

    /** Writes {@code tree} as indented JSON with object keys sorted. */
    static String canonicalPretty(Object tree) {
        return write(tree, "  ", true);
    }

    private static String write(Object tree, String indent, boolean sortKeys) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setIndent(indent);
            writer.setSerializeNulls(true);
            write(writer, tree, sortKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    map.put(reader.nextName(), read(reader));
                }
                reader.endObject();
                return map;
            case BEGIN_ARRAY:
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader));
                }
                reader.endArray();
                return list;
            case NUMBER:
                return new BigDecimal(reader.nextString());
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            default:
                return reader.nextString();
        }
    }

    private static void write(JsonWriter writer, Object value, boolean sortKeys) throws IOException {
        if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            Map<?, ?> entries = sortKeys ? new TreeMap<>(map) : map;
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                writer.name(String.valueOf(entry.getKey()));
                write(writer, entry.getValue(), sortKeys);
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object item : list) {
                write(writer, item, sortKeys);
            }
            writer.endArray();
        } else if (value instanceof Number number) {
            writer.value(number);
        } else if (value instanceof Boolean bool) {
            writer.value(bool.booleanValue());
        } else if (value == null) {
            writer.nullValue();
        } else {
            writer.value(value.toString());
        }
    }
}
