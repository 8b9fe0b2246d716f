package dev.ladder.core.http;

import java.time.Duration;
import java.util.Objects;

/** Validates durations given to builders. */
final class Durations {
    private Durations() {}

    static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** Returns {@code value} as people read it: {@code 250 ms}, {@code 10 s}, {@code 5 min}. */
    static String text(Duration value) {
        long millis = value.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        return seconds < 60 || seconds % 60 != 0 ? seconds + " s" : seconds / 60 + " min";
    }
}
