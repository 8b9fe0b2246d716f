package dev.ladder.peft.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;

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
