package dev.ladder.core.schema;

import java.util.Objects;

/**
 * One way a JSON value breaks a JSON Schema.
 *
 * @param path where in the value, as a JSON path from the root {@code $}, such as
 *     {@code $.forecast[2].high}.
 * @param message what was expected and what was found there, such as {@code expected integer but
 *     found string "warm"}.
 */
public record SchemaViolation(String path, String message) {

    public SchemaViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code "path: message"}, the form used in error messages and in prompts. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
