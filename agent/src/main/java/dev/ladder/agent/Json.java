package dev.ladder.agent;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;

/** The Moshi instance the agent module reads and writes state with. */
final class Json {
    static final Moshi MOSHI_PLAIN = new Moshi.Builder().build();
    static final Moshi MOSHI =
            MOSHI_PLAIN.newBuilder().add(MessageJsonAdapter.FACTORY).build();

    private Json() {}

    static JsonAdapter<Object> adapter(Type type) {
        return MOSHI.adapter(type);
    }

    /** Returns {@code value} as {@code type}: itself when it already is one, else converted from its JSON tree. */
    static <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        Object tree = value instanceof java.util.Map
                        || value instanceof java.util.List
                        || value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean
                ? value
                : MOSHI.adapter(Object.class).toJsonValue(value);
        return MOSHI.adapter(type).fromJsonValue(tree);
    }

    /** Returns {@code value} as a JSON tree of maps, lists, strings, numbers and booleans. */
    static Object tree(Object value) {
        return value == null ? null : MOSHI.adapter(Object.class).toJsonValue(value);
    }
}
