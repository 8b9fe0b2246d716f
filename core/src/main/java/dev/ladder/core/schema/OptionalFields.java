package dev.ladder.core.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an explicit null for every absent {@code Optional} record component of a checked JSON
 * tree, so that Moshi, which leaves absent components null, binds them as {@code Optional.empty()}.
 */
final class OptionalFields {
    private OptionalFields() {}

    static Object fill(Object tree, Type type) {
        if (tree == null) {
            return null;
        }
        if (type instanceof Class<?> c) {
            if (c.isRecord()) {
                return fillRecord(tree, c, Map.of());
            }
            return c.isArray() ? fillItems(tree, c.getComponentType()) : tree;
        }
        if (type instanceof GenericArrayType array) {
            return fillItems(tree, array.getGenericComponentType());
        }
        if (type instanceof ParameterizedType p) {
            return fillParameterized(tree, p);
        }
        return tree;
    }

    private static Object fillParameterized(Object tree, ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class) {
            return fill(tree, args[0]);
        }
        if (raw == Map.class && tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), fill(value, args[1])));
            return copy;
        }
        if (raw.isRecord()) {
            return fillRecord(tree, raw, JavaTypes.bindings(raw, args));
        }
        return args.length == 1 ? fillItems(tree, args[0]) : tree;
    }

    private static Object fillItems(Object tree, Type element) {
        if (!(tree instanceof List<?> list)) {
            return tree;
        }
        List<Object> copy = new ArrayList<>();
        list.forEach(item -> copy.add(fill(item, element)));
        return copy;
    }

    private static Object fillRecord(Object tree, Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        if (!(tree instanceof Map<?, ?> object)) {
            return tree;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(String.valueOf(key), value));
        for (RecordComponent component : c.getRecordComponents()) {
            String name = JavaTypes.jsonName(component, component.getName());
            Type type = JavaTypes.substitute(component.getGenericType(), bindings);
            if (copy.containsKey(name)) {
                copy.put(name, fill(copy.get(name), type));
            } else if (component.getType() == Optional.class) {
                copy.put(name, null);
            }
        }
        return copy;
    }
}
