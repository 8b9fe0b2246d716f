package dev.ladder.core.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Renders Java types the short way users write them, such as {@code List<Location>}. */
final class TypeNames {
    private TypeNames() {}

    static String simple(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? simple(c.getComponentType()) + "[]" : c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return simple(p.getRawType()) + "<"
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(TypeNames::simple)
                            .collect(Collectors.joining(", "))
                    + ">";
        }
        if (type instanceof GenericArrayType g) {
            return simple(g.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }

    /** Returns a name for {@code type} usable as a JSON Schema or response format name. */
    static String identifier(Type type) {
        String name = simple(type).replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+$", "");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
