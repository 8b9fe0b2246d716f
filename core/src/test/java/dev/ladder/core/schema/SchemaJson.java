package dev.ladder.core.schema;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders schema trees as JSON text, and reads JSON written with single quotes, for exact assertions. */
final class SchemaJson {
    private static final JsonAdapter<Map<String, Object>> ADAPTER =
            new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private SchemaJson() {}

    /** Returns {@code schema} as compact JSON, keys in the tree's order. */
    static String render(Map<String, Object> schema) {
        return ADAPTER.toJson(schema);
    }

    /** Returns {@code singleQuoted} with single quotes turned into double quotes. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Reads a schema written with single quotes. */
    static Map<String, Object> schema(String singleQuoted) {
        try {
            return ADAPTER.fromJson(json(singleQuoted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
