package dev.ladder.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a graph's state values, read through typed {@link Key}s. Immutable and thread-safe
 * as long as the values themselves are immutable, which graphs assume.
 */
public final class State {
    private final Schema schema;
    private final Map<String, Object> values;

    State(Schema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = values;
    }

    /** Creates an empty state of {@code schema}. */
    static State empty(Schema schema) {
        return new State(schema, Map.of());
    }

    /**
     * Returns the value of {@code key}: the last value written, or the reducer's identity for a key
     * with a reducer that was never written.
     *
     * @throws IllegalStateException naming the key if a last-value key was never written; use
     *     {@link #find} when absence is expected.
     * @throws IllegalArgumentException if the key is not declared in this state's schema.
     */
    public <T> T get(Key<T> key) {
        return find(key)
                .orElseThrow(() -> new IllegalStateException("state key '" + key.name()
                        + "' has no value yet: write it before reading it, or read it with find()"));
    }

    /** Returns the value of {@code key}, or empty when it was never written and has no identity. */
    public <T> Optional<T> find(Key<T> key) {
        Objects.requireNonNull(key, "key");
        if (!schema.declares(key)) {
            schema.require(key.name());
        }
        Object value = values.get(key.name());
        return Optional.ofNullable(value == null ? key.initial() : key.cast(value));
    }

    /** Returns the values written so far by key name, without reducer identities. */
    public Map<String, Object> values() {
        return values;
    }

    /** Returns the schema this state follows. */
    public Schema schema() {
        return schema;
    }

    /** Returns a state with {@code overlay} replacing values, as a node started by a send sees it. */
    State overlay(Map<String, Object> overlay) {
        if (overlay.isEmpty()) {
            return this;
        }
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(overlay);
        return new State(schema, Collections.unmodifiableMap(all));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof State state && state.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "State" + values;
    }
}
