package dev.ladder.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of a document ready to be embedded and stored.
 *
 * @param id stable identifier, unique within a store; storing a chunk with an existing id replaces it.
 * @param text the text to embed and to show the model.
 * @param metadata where it came from and anything to filter on ({@code source}, {@code position},
 *     {@code headings}, ...); values are strings, numbers or booleans.
 */
public record Chunk(String id, String text, Map<String, Object> metadata) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            Object value = entry.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("chunk '" + id + "': metadata '" + entry.getKey()
                        + "' must be a String, a Number or a Boolean, was "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        }
        // Stores keep millions of chunks: share the empty map instead of wrapping a fresh one.
        metadata = metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Creates a chunk without metadata. */
    public static Chunk of(String id, String text) {
        return new Chunk(id, text, Map.of());
    }
}
