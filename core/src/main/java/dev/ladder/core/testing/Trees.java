package dev.ladder.core.testing;

import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON trees, failing with the field's name when the shape is wrong. */
final class Trees {
    private Trees() {}

    @SuppressWarnings("unchecked") // a parsed JSON object always has string keys
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    static List<?> list(Map<String, Object> tree, String name) {
        Object value = tree.get(name);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a JSON array in '" + name + "', found " + describe(value));
        }
        return list;
    }

    static List<?> optionalList(Map<String, Object> tree, String name) {
        return tree.get(name) == null ? List.of() : list(tree, name);
    }

    static String string(Map<String, Object> tree, String name) {
        Object value = tree.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("expected a string in '" + name + "', found " + describe(value));
        }
        return (String) value;
    }

    static Number number(Map<String, Object> tree, String name) {
        Object value = tree.get(name);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("expected a number in '" + name + "', found " + describe(value));
        }
        return number;
    }

    static int integer(Map<String, Object> tree, String name) {
        return number(tree, name).intValue();
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
