package dev.ladder.agent;

import java.util.Objects;

/**
 * One write of an {@link Update}: a value for a key, reduced or, when {@code overwrite}, replacing
 * the current value even for a key with a reducer.
 */
record Write(Key<?> key, Object value, boolean overwrite) {

    Write {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, () -> "value written to state key '" + key.name() + "'");
    }
}
