package dev.ladder.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Validates metadata maps: string keys, and values that are strings, numbers or booleans. */
final class Metadata {
    private Metadata() {}

    static Map<String, Object> copyOf(Map<String, Object> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "metadata key");
            Object value = entry.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("metadata '" + key + "' has a value of type "
                        + (value == null ? "null" : value.getClass().getName())
                        + ": use a String, a Number or a Boolean");
            }
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
