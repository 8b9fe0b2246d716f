package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON text that goes into a request body as it is, such as tool arguments the model wrote. */
record RawJson(String text) {

    RawJson {
        Objects.requireNonNull(text, "text");
    }

    /** Writes {@code tree}, a tree of maps, lists, scalars and {@link RawJson}s, to {@code writer}. */
    static void write(JsonWriter writer, Object tree) throws IOException {
        if (tree instanceof RawJson raw) {
            try (var sink = writer.valueSink()) {
                sink.writeUtf8(raw.text());
            }
        } else if (tree instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writer.name(String.valueOf(entry.getKey()));
                write(writer, entry.getValue());
            }
            writer.endObject();
        } else if (tree instanceof List<?> list) {
            writer.beginArray();
            for (Object item : list) {
                write(writer, item);
            }
            writer.endArray();
        } else {
            writer.jsonValue(tree);
        }
    }
}
