package dev.ladder.agent;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final List<Key<?>> ephemeralKeys;

    private Schema(Map<String, Key<?>> keys) {
        this.keys = Collections.unmodifiableMap(keys);
        this.ephemeralKeys = keys.values().stream().filter(Key::ephemeral).toList();
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

    /**
     * Creates a schema whose keys are the components of {@code type}, each keeping its last value,
     * except where a key of the same name in {@code overrides} gives a reducer. Nodes read the state
     * as the record with {@link State#as} and write with {@link Update#changes}.
     *
     * @throws IllegalArgumentException if an override names no component.
     */
    public static Schema ofRecord(Class<? extends Record> type, Key<?>... overrides) {
        Map<String, Key<?>> keys = RecordStates.keys(type);
        for (Key<?> key : overrides) {
            if (keys.replace(key.name(), key) == null) {
                throw new IllegalArgumentException("key '" + key.name() + "' is not a component of "
                        + type.getSimpleName() + "; components: " + keys.keySet());
            }
        }
        return new Schema(keys);
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

    /** Returns the {@link Key#topic} keys, cleared before each step's writes apply. */
    List<Key<?>> ephemeralKeys() {
        return ephemeralKeys;
    }

    /** Returns true if {@code key} is declared (by name). */
    boolean declares(Key<?> key) {
        return keys.containsKey(key.name());
    }
}
