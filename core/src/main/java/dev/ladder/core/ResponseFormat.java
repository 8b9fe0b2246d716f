package dev.ladder.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shape the answer must take: free text, any JSON object, or JSON matching a schema.
 *
 * @param type which of the three.
 * @param name the schema's name, for {@link Type#JSON_SCHEMA} only.
 * @param schema the JSON Schema as a tree of maps and lists, for {@link Type#JSON_SCHEMA} only.
 * @param strict whether the provider must follow the schema exactly.
 */
public record ResponseFormat(Type type, String name, Map<String, Object> schema, boolean strict) {

    private static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, false);
    private static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, false);

    /** The kinds of response format. */
    public enum Type {
        TEXT,
        JSON_OBJECT,
        JSON_SCHEMA
    }

    public ResponseFormat {
        Objects.requireNonNull(type, "type");
        if (type == Type.JSON_SCHEMA) {
            Objects.requireNonNull(name, "name of the JSON schema");
            schema = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(schema, "schema")));
        }
    }

    /** Free text. */
    public static ResponseFormat text() {
        return TEXT;
    }

    /** Any valid JSON object. */
    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /** JSON that follows {@code schema} exactly. */
    public static ResponseFormat jsonSchema(String name, Map<String, Object> schema) {
        return new ResponseFormat(Type.JSON_SCHEMA, name, schema, true);
    }
}
