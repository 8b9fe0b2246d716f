package dev.ladder.agent;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of a graph's state. Immutable and thread-safe.
 *
 * <p>A schema is what a checkpoint is read back with: every stored value is decoded with its key's
 * type, and a stored key the schema does not declare fails loudly.
 */
public final class Schema {
    private final Map<String, Key<?>> keys;

    private Schema(Map<String, Key<?>> keys) {
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * Creates a schema of {@code keys}.
     *
     * @throws IllegalArgumentException if two keys share a name.
     */
    public static Schema of(Key<?>... keys) {
        Map<String, Key<?>> byName = new LinkedHashMap<>();
        for (Key<?> key : keys) {
            Objects.requireNonNull(key, "key");
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("state key '" + key.name() + "' is declared twice");
            }
        }
        return new Schema(byName);
    }

    /** Returns the keys in declaration order. */
    public Collection<Key<?>> keys() {
        return keys.values();
    }

    /** Returns the key named {@code name}, if declared. */
    public Optional<Key<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Returns the key named {@code name}.
     *
     * @throws IllegalArgumentException naming the key and the declared keys if it is not declared.
     */
    Key<?> require(String name) {
        Key<?> key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException(
                    "state key '" + name + "' is not declared in the schema; declared keys: " + keys.keySet());
        }
        return key;
    }

    /** Returns true if {@code key} is declared (by name). */
    boolean declares(Key<?> key) {
        return keys.containsKey(key.name());
    }
}
