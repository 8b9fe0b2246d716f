package dev.ladder.peft.internal;

import dev.ladder.core.MalformedResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of a parsed JSON object with typed accessors that name the missing or mistyped member
 * in their errors. Internal to the peft-client module. Immutable once built; thread-safe.
 */
public final class JsonObject {
    private final Map<String, Object> members;
    private final String path;

    private JsonObject(Map<String, Object> members, String path) {
        this.members = members;
        this.path = path;
    }

    /**
     * Wraps a parsed JSON value that must be an object.
     *
     * @throws MalformedResponseException if {@code value} is not a JSON object.
     */
    public static JsonObject of(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MalformedResponseException("expected a JSON object at " + path + " but got: " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return new JsonObject(copy, path);
    }

    /** Returns the members as a map in document order; values are plain JSON trees. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(members);
    }

    /** Returns true if the member is present and not null. */
    public boolean has(String key) {
        return members.get(key) != null;
    }

    /** Returns the raw member value, or null. */
    public Object raw(String key) {
        return members.get(key);
    }

    /**
     * Returns a required string member.
     *
     * @throws MalformedResponseException if it is missing or not a string.
     */
    public String string(String key) {
        String value = optString(key);
        if (value == null) {
            throw missing(key, "string");
        }
        return value;
    }

    /**
     * Returns a string member, or null when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public String optString(String key) {
        Object value = members.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(key, "string", value);
    }

    /**
     * Returns a number member as a long, or null when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public Long optLong(String key) {
        Object value = members.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw wrongType(key, "number", value);
    }

    /**
     * Returns a number member as a double, or null when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public Double optDouble(String key) {
        Object value = members.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw wrongType(key, "number", value);
    }

    /**
     * Returns a boolean member, or null when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public Boolean optBoolean(String key) {
        Object value = members.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(key, "boolean", value);
    }

    /**
     * Returns an object member, or null when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public JsonObject optObject(String key) {
        Object value = members.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map) {
            return of(value, path + "." + key);
        }
        throw wrongType(key, "object", value);
    }

    /**
     * Returns an array member of objects, or an empty list when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public List<JsonObject> objects(String key) {
        List<JsonObject> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            result.add(of(items.get(i), path + "." + key + "[" + i + "]"));
        }
        return result;
    }

    /**
     * Returns an array member of strings, or an empty list when absent or null.
     *
     * @throws MalformedResponseException if present with another type.
     */
    public List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof String s)) {
                throw wrongType(key, "array of strings", item);
            }
            result.add(s);
        }
        return result;
    }

    /**
     * Returns the number members of this object, skipping other members: handy for metric maps.
     */
    public Map<String, Double> numbers() {
        Map<String, Double> result = new LinkedHashMap<>();
        members.forEach((k, v) -> {
            if (v instanceof Number number) {
                result.put(k, number.doubleValue());
            }
        });
        return result;
    }

    private List<?> list(String key) {
        Object value = members.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items;
        }
        throw wrongType(key, "array", value);
    }

    private MalformedResponseException missing(String key, String type) {
        return new MalformedResponseException("expected " + type + " member '" + key + "' at " + path + " in "
                + Json.abbreviate(Json.write(members)));
    }

    private MalformedResponseException wrongType(String key, String type, Object value) {
        return new MalformedResponseException(
                "expected " + type + " member '" + key + "' at " + path + " but got: " + Objects.toString(value));
    }

    @Override
    public String toString() {
        return Json.write(members);
    }
}
