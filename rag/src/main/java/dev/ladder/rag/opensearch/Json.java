package dev.ladder.rag.opensearch;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.http.ResponseParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes JSON trees (maps, lists, float vectors, scalars) and reads responses into maps. */
final class Json {
    private static final JsonAdapter<Object> READER =
            new Moshi.Builder().build().adapter(Object.class);

    /** Reads a response body that must be a JSON object; anything else fails as malformed. */
    @SuppressWarnings("unchecked") // a JSON object parsed by Moshi is a Map<String, Object>
    static final ResponseParser<Map<String, Object>> OBJECT = body -> {
        Object tree = READER.fromJson(body);
        if (!(tree instanceof Map)) {
            throw new JsonDataException("expected a JSON object");
        }
        return (Map<String, Object>) tree;
    };

    private Json() {}

    static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        value(out, tree);
        return out.toString();
    }

    @SuppressWarnings("unchecked") // a JSON object parsed by Moshi is a Map<String, Object>
    static Map<String, Object> readObject(String text, String what) {
        Object tree;
        try {
            tree = READER.fromJson(text);
        } catch (IOException | RuntimeException e) {
            throw new MalformedResponseException(what + " is not JSON: " + abbreviate(text), e);
        }
        if (!(tree instanceof Map)) {
            throw new MalformedResponseException(what + " is not a JSON object: " + abbreviate(text));
        }
        return (Map<String, Object>) tree;
    }

    static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number n) {
            number(out, n.doubleValue());
        } else if (value instanceof float[] vector) {
            out.append('[');
            for (int i = 0; i < vector.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(vector[i]);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            object(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, String.valueOf(entry.getKey()));
            out.append(':');
            value(out, entry.getValue());
        }
        out.append('}');
    }

    private static void number(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no value for " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 200) + "...'";
    }
}
