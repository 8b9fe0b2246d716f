package dev.ladder.peft.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.MalformedResponseException;
import java.io.IOException;
import java.util.Map;

/**
 * Reads and writes JSON as plain trees of maps, lists, strings, doubles, booleans and nulls. Internal to
 * the peft-client module; not part of its API. Thread-safe.
 */
public final class Json {
    private static final JsonAdapter<Object> ADAPTER =
            new Moshi.Builder().build().adapter(Object.class);
    private static final JsonAdapter<Object> NULL_WRITING = ADAPTER.serializeNulls();

    private Json() {}

    /**
     * Parses {@code text} as one JSON value.
     *
     * @throws IOException if the text is not one complete JSON value; the message names the path.
     */
    public static Object parse(String text) throws IOException {
        return ADAPTER.fromJson(text);
    }

    /**
     * Parses a provider's response body as a JSON object.
     *
     * @param what what was asked for, used in the error message, such as "fine-tuning job".
     * @throws MalformedResponseException if the body is not a JSON object.
     */
    public static JsonObject parseObject(String text, String what) {
        Object value;
        try {
            value = parse(text);
        } catch (IOException | RuntimeException e) {
            throw new MalformedResponseException(
                    "expected a JSON " + what + " but got: " + abbreviate(text) + " (" + e.getMessage() + ")", e);
        }
        if (!(value instanceof Map)) {
            throw new MalformedResponseException(
                    "expected a JSON object for " + what + " but got: " + abbreviate(text));
        }
        return JsonObject.of(value, what);
    }

    /** Writes {@code value} (maps, lists, strings, numbers, booleans) as compact JSON, omitting null members. */
    public static String write(Object value) {
        return ADAPTER.toJson(value);
    }

    /** Writes {@code value} as compact JSON, keeping null members. */
    public static String writeWithNulls(Object value) {
        return NULL_WRITING.toJson(value);
    }

    /** Returns the first 200 characters of {@code text}, for error messages. */
    public static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
