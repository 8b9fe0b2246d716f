package dev.ladder.reflection;

import dev.ladder.core.schema.JsonSchemas;
import dev.ladder.core.schema.SchemaViolation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Verifies structured output: the answer passes when it is JSON that matches a JSON Schema, and
 * fails with every violation and its JSON path otherwise.
 *
 * <p>The JSON is taken from a {@code ```json} code fence if the answer has one, else the whole
 * answer. Pair it with a {@link dev.ladder.core.ResponseFormat#jsonSchema} request option for
 * providers that enforce schemas loosely or not at all. Immutable and thread-safe.
 */
public final class JsonSchemaVerifier implements Verifier {
    private static final Pattern JSON_FENCE =
            Pattern.compile("```[ \\t]*json[ \\t]*\\R(.*?)```", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Map<String, Object> schema;

    private JsonSchemaVerifier(Map<String, Object> schema) {
        this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(schema, "schema")));
    }

    /**
     * Returns a verifier for {@code schema}, a JSON Schema as a tree of maps and lists, such as
     * {@link JsonSchemas#of} returns.
     */
    public static JsonSchemaVerifier of(Map<String, Object> schema) {
        return new JsonSchemaVerifier(schema);
    }

    /**
     * Validates the JSON in {@code output}.
     *
     * @throws IllegalArgumentException when the schema itself is broken (an unknown type, a
     *     dangling {@code $ref}, a bad pattern).
     */
    @Override
    public Verdict verify(String task, String output) {
        List<SchemaViolation> violations = JsonSchemas.validate(schema, json(output));
        if (violations.isEmpty()) {
            return Verdict.pass();
        }
        String list = violations.stream().map(v -> "- " + v).collect(Collectors.joining("\n"));
        return Verdict.fail(
                "The JSON does not match the required schema:\n" + list + "\nReply with the corrected JSON only.");
    }

    private static String json(String output) {
        Matcher fence = JSON_FENCE.matcher(output);
        return fence.find() ? fence.group(1).strip() : output.strip();
    }
}
