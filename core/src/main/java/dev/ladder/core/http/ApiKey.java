package dev.ladder.core.http;

import java.util.Objects;

/**
 * Holds an API key and keeps it out of sight: {@link #toString()} never shows it, and
 * {@link #redact(String)} removes it from text that may have echoed it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiKey {
    private static final String MASK = "[redacted]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is blank or contains a line break.
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("API key is blank: pass the key itself, or leave it unset");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                    "API key contains a line break: check how it was read (a trailing newline from a file?)");
        }
        return new ApiKey(value.strip());
    }

    /** Returns the key itself, for the one place that writes it into a request header. */
    public String value() {
        return value;
    }

    /** Returns {@code text} with every occurrence of the key replaced by {@code [redacted]}. */
    public String redact(String text) {
        return text == null || !text.contains(value) ? text : text.replace(value, MASK);
    }

    /** Returns {@code ApiKey[redacted]}, never the key. */
    @Override
    public String toString() {
        return "ApiKey" + MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
