package dev.ladder.core.schema;

import com.squareup.moshi.Json;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Reflection over the Java types schemas describe: names, optionality and generic type arguments. */
final class JavaTypes {
    private JavaTypes() {}

    static boolean isRecord(Type type) {
        return rawClass(type) instanceof Class<?> c && c.isRecord();
    }

    static Object rawClass(Type type) {
        return type instanceof ParameterizedType p ? p.getRawType() : type;
    }

    static AnnotatedElement enumField(Class<?> c, String name) {
        try {
            return c.getField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("enum constant " + name + " of " + c.getName() + " has no field", e);
        }
    }

    static boolean isOptional(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Optional.class;
    }

    static boolean hasNullable(RecordComponent component) {
        for (Annotation annotation : component.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        for (Annotation annotation : component.getAnnotatedType().getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    static String jsonName(AnnotatedElement element, String fallback) {
        Json json = element.getAnnotation(Json.class);
        return json == null || json.name().equals(Json.UNSET_NAME) ? fallback : json.name();
    }

    static Map<TypeVariable<?>, Type> bindings(Class<?> raw, Type[] args) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], args[i]);
        }
        return bindings;
    }

    static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (bindings.isEmpty()) {
            return type;
        }
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, variable);
        }
        if (type instanceof GenericArrayType array) {
            return Types.arrayOf(substitute(array.getGenericComponentType(), bindings));
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = substitute(args[i], bindings);
            }
            return p.getOwnerType() == null
                    ? Types.newParameterizedType(p.getRawType(), args)
                    : Types.newParameterizedTypeWithOwner(p.getOwnerType(), p.getRawType(), args);
        }
        return type;
    }

    static String canonical(Type type) {
        if (type instanceof ParameterizedType p) {
            StringJoiner args = new StringJoiner(",", "<", ">");
            for (Type arg : p.getActualTypeArguments()) {
                args.add(canonical(arg));
            }
            return canonical(p.getRawType()) + args;
        }
        return type instanceof Class<?> c ? c.getName() : type.getTypeName();
    }
}
