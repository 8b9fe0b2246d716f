package dev.ladder.core.schema;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.ResponseFormat;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks a model for an answer shaped like a Java type and turns the answer into that type.
 *
 * <p>{@link #responseFormat(Class)} builds the strict JSON Schema response format to put on a
 * {@link dev.ladder.core.ChatRequest}; {@link #parse(ChatResponse, Class)} reads the answer back.
 * Parsing first checks the JSON against the type's schema, so a mismatch is reported with the
 * JSON path, what was expected and what was found, then binds it with Moshi. Records bound this way
 * must be public (and so must the classes they are nested in), as Moshi calls their constructors.
 * A Markdown code fence around the JSON is tolerated.
 *
 * <p>All methods are static and thread-safe.
 */
public final class StructuredOutput {
    private static final int ANSWER_QUOTE_LIMIT = 200;
    private static final int VIOLATIONS_SHOWN = 5;
    private static final Moshi MOSHI = MoshiAdapters.moshi();
    private static final Map<Type, Map<String, Object>> SCHEMAS = new ConcurrentHashMap<>();

    private StructuredOutput() {}

    /**
     * Returns a strict JSON Schema response format for {@code type}, named after it.
     *
     * @throws IllegalArgumentException if {@code type} cannot be described in strict mode (see
     *     {@link JsonSchemas#strict}).
     */
    public static ResponseFormat responseFormat(Class<?> type) {
        return responseFormat(TypeNames.identifier(type), type);
    }

    /**
     * Returns a strict JSON Schema response format for {@code type} under {@code name}, which
     * OpenAI limits to 64 letters, digits, {@code _} and {@code -}.
     *
     * @throws IllegalArgumentException if {@code type} cannot be described in strict mode.
     */
    public static ResponseFormat responseFormat(String name, Type type) {
        return ResponseFormat.jsonSchema(Objects.requireNonNull(name, "name"), JsonSchemas.strict(type));
    }

    /**
     * Reads the text of the first choice of {@code response} as a {@code type}.
     *
     * @throws StructuredOutputException if the model refused, the answer was cut off at the output
     *     token limit, the content filter removed it, there is no text, or the text does not parse as
     *     {@code type} (see {@link #parse(String, Type)}).
     * @throws IllegalArgumentException if {@code type} cannot be described in JSON Schema, or holds a
     *     record that is not public.
     */
    public static <T> T parse(ChatResponse response, Class<T> type) {
        return boxed(type).cast(parse(response, (Type) type));
    }

    /**
     * Reads the text of the first choice of {@code response} as a {@code type}, which may be
     * generic, such as {@code List<Location>}.
     *
     * @throws StructuredOutputException as {@link #parse(ChatResponse, Class)} does.
     */
    public static <T> T parse(ChatResponse response, Type type) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(type, "type");
        String refusal = response.message().refusal();
        String text = response.message().text();
        String name = TypeNames.simple(type);
        if (refusal != null) {
            throw new StructuredOutputException(
                    "the model refused to answer instead of giving " + name + ": "
                            + JsonTree.quote(refusal, ANSWER_QUOTE_LIMIT),
                    text,
                    List.of());
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            throw new StructuredOutputException(
                    "the answer was cut off at the output token limit (finish reason"
                            + " LENGTH) before " + name + " was complete: raise maxOutputTokens; the answer reads "
                            + JsonTree.quote(text == null ? "" : text, ANSWER_QUOTE_LIMIT),
                    text,
                    List.of());
        }
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new StructuredOutputException(
                    "the provider's content filter removed the answer (finish reason"
                            + " CONTENT_FILTER) instead of giving " + name,
                    text,
                    List.of());
        }
        if (text == null || text.isBlank()) {
            throw new StructuredOutputException(
                    "the response holds no text to read as " + name + " (finish reason " + response.finishReason()
                            + ")",
                    text,
                    List.of());
        }
        return parse(text, type);
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws StructuredOutputException if the text is not JSON (the message quotes it), or it
     *     does not match the type's schema (the message lists each JSON path with what was expected
     *     and what was found).
     */
    public static <T> T parse(String json, Class<T> type) {
        return boxed(type).cast(parse(json, (Type) type));
    }

    /**
     * Reads {@code json} as a {@code type}, which may be generic, such as {@code List<Location>}.
     * The caller states the result type; as with Moshi's own adapters, it is not checked.
     *
     * @throws StructuredOutputException as {@link #parse(String, Class)} does.
     * @throws IllegalArgumentException if {@code type} cannot be described in JSON Schema, or holds a
     *     record that is not public.
     */
    public static <T> T parse(String json, Type type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        Object tree;
        try {
            tree = parseAnswer(json);
        } catch (JsonTree.MalformedJsonException e) {
            throw new StructuredOutputException(
                    "expected JSON for " + TypeNames.simple(type)
                            + " but the answer is not JSON (" + e.getMessage() + "): "
                            + JsonTree.quote(json, ANSWER_QUOTE_LIMIT),
                    json,
                    e);
        }
        List<SchemaViolation> violations = SchemaValidator.validate(schemaOf(type), tree);
        if (!violations.isEmpty()) {
            throw new StructuredOutputException(mismatch(type, violations), json, violations);
        }
        return bind(OptionalFields.fill(tree, type), type, json);
    }

    /**
     * Returns {@code value} as JSON text the way a strict-mode answer writes it (empty optionals
     * and nulls written as null), for few-shot examples of the answer.
     *
     * @throws IllegalArgumentException if Moshi cannot write the value's type.
     */
    public static String toJson(Object value) {
        Objects.requireNonNull(value, "value");
        return MOSHI.adapter(Object.class).serializeNulls().toJson(value);
    }

    // int.class is a Class<Integer> whose cast() rejects every Integer; its wrapper's cast() does not.
    @SuppressWarnings("unchecked")
    private static <T> Class<T> boxed(Class<T> type) {
        return (Class<T>) MethodType.methodType(type).wrap().returnType();
    }

    private static Map<String, Object> schemaOf(Type type) {
        return SCHEMAS.computeIfAbsent(type, JsonSchemas::tolerant);
    }

    /**
     * Parses the JSON in a model's answer: the whole answer, else the first code fence in it (with
     * prose before or after), else the span from the first '{' or '[' to the last '}' or ']'.
     */
    private static Object parseAnswer(String answer) throws JsonTree.MalformedJsonException {
        String fenced = fenced(answer);
        if (fenced != null) {
            return JsonTree.parse(fenced);
        }
        try {
            return JsonTree.parse(answer);
        } catch (JsonTree.MalformedJsonException notJson) {
            String embedded = embedded(answer);
            if (embedded == null) {
                throw notJson;
            }
            try {
                return JsonTree.parse(embedded);
            } catch (JsonTree.MalformedJsonException alsoNotJson) {
                throw notJson;
            }
        }
    }

    /** Returns the body of the first code fence in {@code text}, or null when it has none. */
    private static String fenced(String text) {
        int open = text.indexOf("```");
        if (open < 0) {
            return null;
        }
        int bodyStart = text.indexOf('\n', open);
        if (bodyStart < 0) {
            return null;
        }
        int close = text.indexOf("```", bodyStart + 1);
        return close < 0 ? text.substring(bodyStart + 1) : text.substring(bodyStart + 1, close);
    }

    private static String embedded(String text) {
        int object = text.indexOf('{');
        int array = text.indexOf('[');
        int start = object < 0 ? array : array < 0 ? object : Math.min(object, array);
        if (start < 0) {
            return null;
        }
        int end = text.lastIndexOf(text.charAt(start) == '{' ? '}' : ']');
        return end > start ? text.substring(start, end + 1) : null;
    }

    private static String mismatch(Type type, List<SchemaViolation> violations) {
        String name = TypeNames.simple(type);
        if (violations.size() == 1) {
            SchemaViolation only = violations.get(0);
            return "the answer does not match " + name + " at " + only.path() + ": " + only.message();
        }
        StringJoiner all = new StringJoiner("; ");
        violations.stream().limit(VIOLATIONS_SHOWN).forEach(v -> all.add(v.toString()));
        if (violations.size() > VIOLATIONS_SHOWN) {
            all.add("and " + (violations.size() - VIOLATIONS_SHOWN) + " more");
        }
        return "the answer does not match " + name + " in " + violations.size() + " places: " + all;
    }

    private static <T> T bind(Object tree, Type type, String json) {
        JsonAdapter<T> adapter = MOSHI.adapter(type);
        try {
            return adapter.fromJson(JsonTree.write(tree));
        } catch (JsonDataException e) {
            throw new StructuredOutputException(
                    "the answer does not match " + TypeNames.simple(type) + ": "
                            + e.getMessage().replace(" at path ", " at "),
                    json,
                    e);
        } catch (IOException e) {
            throw new StructuredOutputException(
                    "could not read the answer as " + TypeNames.simple(type) + ": " + e.getMessage(), json, e);
        }
    }
}
