package dev.ladder.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call.
 *
 * @param name the name the model uses, letters, digits, {@code _} and {@code -}, at most 64.
 * @param description what the tool does and when to use it; models read this.
 * @param parameters the JSON Schema of the arguments object, as a JSON tree of maps and lists.
 * @param strict whether the provider must hold the arguments to the schema exactly.
 */
public record Tool(String name, String description, Map<String, Object> parameters, boolean strict) {

    public Tool {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "tool name '" + name + "' is not allowed: use 1 to 64 letters, digits, '_' or '-'");
        }
        description = description == null ? "" : description;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
    }

    /** Creates a non-strict tool. */
    public static Tool of(String name, String description, Map<String, Object> parameters) {
        return new Tool(name, description, parameters, false);
    }
}
