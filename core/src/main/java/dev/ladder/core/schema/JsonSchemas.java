package dev.ladder.core.schema;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates JSON Schemas from Java types and checks JSON against schemas.
 *
 * <p>Types map as follows: a record becomes an object whose properties follow the components in
 * declaration order (named by Moshi's {@code @Json(name)} when present); an enum becomes a string
 * with {@code enum} values; {@code String} and {@code char} become strings; {@code boolean}
 * becomes boolean; whole-number types and {@code BigInteger} become integer; {@code float},
 * {@code double} and {@code BigDecimal} become number; {@code List}, {@code Set},
 * {@code Collection} and arrays become arrays ({@code Set} adds {@code uniqueItems}); a
 * {@code Map<String, V>} becomes an object with {@code additionalProperties}; {@code Optional<T>}
 * becomes T or null. A record component of type {@code Optional<T>}, or annotated with any
 * annotation named {@code Nullable}, is optional: left out of {@code required}. Texts of
 * {@link Description} become {@code description}s. Records that refer to themselves are defined
 * once under {@code $defs} and referred to with {@code $ref}. Generic records are resolved when
 * given as a {@link java.lang.reflect.ParameterizedType}.
 *
 * <p>All methods are static, thread-safe and return new mutable {@link java.util.LinkedHashMap}
 * trees that the caller owns.
 */
public final class JsonSchemas {
    private JsonSchemas() {}

    /**
     * Returns the JSON Schema of {@code type}: optional properties are simply not required and
     * objects accept extra properties.
     *
     * @throws IllegalArgumentException if {@code type} or a type inside it cannot be described,
     *     such as {@code Object}, a raw {@code List}, a wildcard or a class that is not a record;
     *     the message names the type and the path of the property that holds it.
     */
    public static Map<String, Object> of(Type type) {
        return SchemaGenerator.generate(Objects.requireNonNull(type, "type"), SchemaGenerator.Mode.PLAIN);
    }

    /**
     * Returns the JSON Schema of {@code type} in the form OpenAI's strict mode accepts: every
     * property is required, optional ones accept null instead, and every object has
     * {@code additionalProperties: false}. Keywords strict mode rejects ({@code uniqueItems},
     * {@code minLength} and {@code maxLength}) are left out.
     *
     * @throws IllegalArgumentException if {@code type} is not a record, or holds a type that
     *     cannot be described, including a {@code Map}, which strict mode cannot express.
     */
    public static Map<String, Object> strict(Type type) {
        return SchemaGenerator.generate(Objects.requireNonNull(type, "type"), SchemaGenerator.Mode.STRICT);
    }

    /**
     * Returns the schema used to check answers for {@code type}: like {@link #of(Type)}, but
     * optional properties may also be null, as strict-mode answers write them.
     */
    static Map<String, Object> tolerant(Type type) {
        return SchemaGenerator.generate(type, SchemaGenerator.Mode.TOLERANT);
    }

    /**
     * Checks the JSON text {@code json} against {@code schema} and returns every violation,
     * in document order; an empty list means the text conforms.
     *
     * <p>Supports {@code type} (one or a list), {@code properties}, {@code required},
     * {@code additionalProperties}, {@code enum}, {@code const}, {@code items},
     * {@code minItems}, {@code maxItems}, {@code uniqueItems}, {@code minimum},
     * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}, {@code multipleOf},
     * {@code minLength}, {@code maxLength}, {@code pattern}, {@code anyOf}, {@code oneOf},
     * {@code allOf}, {@code not}, local {@code $ref}s (such as {@code #/$defs/Node}) and
     * OpenAPI's {@code nullable}; other keywords are ignored. Text that is not JSON yields one
     * violation at {@code $} saying where it breaks.
     *
     * @throws IllegalArgumentException if the schema itself is broken: an unknown type name, a
     *     {@code $ref} that points to nothing, a pattern that is not a regular expression.
     */
    public static List<SchemaViolation> validate(Map<String, Object> schema, String json) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(json, "json");
        Object value;
        try {
            value = JsonTree.parse(json);
        } catch (JsonTree.MalformedJsonException e) {
            return List.of(new SchemaViolation("$", "expected JSON but the text is not: " + e.getMessage()));
        }
        return SchemaValidator.validate(schema, value);
    }

    /**
     * Checks a JSON tree (maps with string keys, lists, strings, numbers, booleans and null, as
     * Moshi reads them) against {@code schema}, as {@link #validate(Map, String)} does for text.
     *
     * @throws IllegalArgumentException if the schema itself is broken.
     */
    public static List<SchemaViolation> validateTree(Map<String, Object> schema, Object tree) {
        return SchemaValidator.validate(Objects.requireNonNull(schema, "schema"), tree);
    }
}
