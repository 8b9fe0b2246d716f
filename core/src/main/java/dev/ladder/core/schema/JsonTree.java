package dev.ladder.core.schema;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads JSON text into a tree of {@link LinkedHashMap}, {@link ArrayList}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and null, and writes such trees back. Numbers stay exact.
 */
final class JsonTree {
    private static final int QUOTE_LIMIT = 80;

    private JsonTree() {}

    /** Thrown when text is not one well-formed JSON value; the message says where and why. */
    static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Object parse(String json) throws MalformedJsonException {
        JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
        try {
            Object value = read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new MalformedJsonException("unexpected text after the JSON value at " + reader.getPath(), null);
            }
            return value;
        } catch (IOException | JsonDataException e) {
            throw new MalformedJsonException(explain(e, reader), e);
        }
    }

    private static String explain(Exception e, JsonReader reader) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("Use JsonReader.setLenient(true)")) {
            return "malformed JSON at " + reader.getPath();
        }
        if (message.equals("End of input")) {
            return "the text ends before the JSON value is complete, at " + reader.getPath();
        }
        return message.replace(" at path ", " at ");
    }

    private static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                return readObject(reader);
            case BEGIN_ARRAY:
                return readArray(reader);
            case STRING:
                return reader.nextString();
            case NUMBER:
                return new BigDecimal(reader.nextString());
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            default:
                throw new JsonDataException(
                        "expected a JSON value but found " + reader.peek() + " at path " + reader.getPath());
        }
    }

    private static Map<String, Object> readObject(JsonReader reader) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            Object value = read(reader);
            if (object.containsKey(name)) {
                throw new JsonDataException("property '" + name + "' appears twice at path " + reader.getPath());
            }
            object.put(name, value);
        }
        reader.endObject();
        return object;
    }

    private static List<Object> readArray(JsonReader reader) throws IOException {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(read(reader));
        }
        reader.endArray();
        return array;
    }

    /** Returns {@code value} as compact JSON text. */
    static String write(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            write(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private static void write(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writer.name(String.valueOf(entry.getKey()));
                write(writer, entry.getValue());
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object item : list) {
                write(writer, item);
            }
            writer.endArray();
        } else if (value instanceof Number number) {
            writer.value(decimal(number));
        } else if (value instanceof Boolean bool) {
            writer.value(bool);
        } else {
            writer.value(value.toString());
        }
    }

    /** Returns {@code number} as an exact decimal. */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("JSON has no number " + value);
            }
            BigDecimal decimal = new BigDecimal(number.toString());
            // Moshi reads every number as a double: 60.0 in a schema means 60.
            return value == Math.rint(value) ? decimal.setScale(0) : decimal;
        }
        return BigDecimal.valueOf(number.longValue());
    }

    /** Returns {@code value} as JSON, cut short when it is long, for messages. */
    static String quote(Object value) {
        return quote(value, QUOTE_LIMIT);
    }

    /** Returns {@code value} as JSON, cut short after {@code limit} characters. */
    static String quote(Object value, int limit) {
        String json = write(value);
        return json.length() <= limit ? json : json.substring(0, limit) + "...";
    }

    /** Returns what kind of JSON value {@code value} is, with the value itself when it is short. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "an empty object" : "an object with properties " + String.join(", ", names(map));
        }
        if (value instanceof List<?> list) {
            return "an array of " + list.size() + (list.size() == 1 ? " item" : " items");
        }
        return kind(value) + " " + quote(value);
    }

    private static List<String> names(Map<?, ?> map) {
        List<String> names = new ArrayList<>();
        map.keySet().forEach(key -> names.add(String.valueOf(key)));
        return names;
    }

    /** Returns the JSON Schema type name of {@code value}: null, boolean, string, number, object or array. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }
}
