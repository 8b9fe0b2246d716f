package dev.ladder.rag.pgvector;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;

/**
 * Writes chunk metadata as a flat JSON object and reads it back. Numbers come back as {@link Long}
 * when integral and within range, otherwise as {@link Double}: the Java type a chunk was stored with
 * is not kept.
 */
final class MetadataJson {
    private MetadataJson() {}

    static String write(String chunkId, Map<String, Object> metadata) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.beginObject();
            for (Map.Entry<String, Object> entry : metadata.entrySet()) {
                writer.name(entry.getKey());
                writeValue(writer, chunkId, entry.getKey(), entry.getValue());
            }
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private static void writeValue(JsonWriter writer, String chunkId, String key, Object value) throws IOException {
        if (value instanceof String text) {
            writer.value(text);
        } else if (value instanceof Boolean flag) {
            writer.value(flag);
        } else {
            writer.value(Numbers.toDecimal((Number) value, "chunk '" + chunkId + "': metadata '" + key + "'"));
        }
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                metadata.put(key, readValue(reader));
            }
            reader.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return metadata;
    }

    private static Object readValue(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case STRING -> reader.nextString();
            case BOOLEAN -> reader.nextBoolean();
            case NUMBER -> number(reader.nextString());
            default ->
                throw new IOException("metadata value " + reader.peek() + " at " + reader.getPath()
                        + " is not a string, number or boolean");
        };
    }

    private static Number number(String literal) {
        BigDecimal decimal = new BigDecimal(literal);
        if (decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return decimal.doubleValue();
            }
        }
        return decimal.doubleValue();
    }
}
