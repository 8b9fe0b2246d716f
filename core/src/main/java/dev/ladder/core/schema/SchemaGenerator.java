package dev.ladder.core.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Builds the JSON Schema of a Java type. One instance generates one schema; not thread-safe.
 *
 * <p>Records that refer to themselves, directly or through other records, are generated once under
 * {@code $defs} and referred to with {@code $ref} ({@code "#"} for the root); every other type is
 * inlined. Finding the recursive records takes a first pass, so generation may run twice.
 */
final class SchemaGenerator {

    /** How optional properties and keywords strict mode rejects are written. */
    enum Mode {
        /** Optional properties are left out of {@code required}. */
        PLAIN,
        /** OpenAI strict mode: all properties required, optional ones nullable, no extra properties. */
        STRICT,
        /** For checking answers: optional properties may be absent or null. */
        TOLERANT
    }

    private static final Set<Class<?>> INTEGERS = Set.of(
            byte.class,
            short.class,
            int.class,
            long.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            BigInteger.class);
    private static final Set<Class<?>> NUMBERS =
            Set.of(float.class, double.class, Float.class, Double.class, BigDecimal.class);

    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

    private final Type root;
    private final Mode mode;
    private final Set<String> recursive;
    private final Deque<String> onPath = new ArrayDeque<>();
    private final Map<String, String> defNames = new HashMap<>();
    private final Map<String, Object> defs = new LinkedHashMap<>();
    private boolean foundRecursion;

    private SchemaGenerator(Type root, Mode mode, Set<String> recursive) {
        this.root = root;
        this.mode = mode;
        this.recursive = recursive;
    }

    static Map<String, Object> generate(Type type, Mode mode) {
        if (mode == Mode.STRICT && !JavaTypes.isRecord(type)) {
            throw new IllegalArgumentException(
                    "strict mode needs a record at the root, got " + TypeNames.simple(type) + ": wrap it in a record");
        }
        Set<String> recursive = new HashSet<>();
        while (true) {
            SchemaGenerator generator = new SchemaGenerator(type, mode, recursive);
            Map<String, Object> schema = generator.schema(type, "$");
            if (!generator.foundRecursion) {
                if (!generator.defs.isEmpty()) {
                    schema.put("$defs", generator.defs);
                }
                return schema;
            }
        }
    }

    private Map<String, Object> schema(Type type, String path) {
        if (type instanceof Class<?> c) {
            return classSchema(c, path);
        }
        if (type instanceof ParameterizedType p) {
            return parameterizedSchema(p, path);
        }
        if (type instanceof GenericArrayType g) {
            return arraySchema(g.getGenericComponentType(), path);
        }
        if (type instanceof WildcardType) {
            throw unsupported(type, path, "use the exact type, such as List<Item> for List<? extends Item>");
        }
        if (type instanceof TypeVariable<?>) {
            throw unsupported(
                    type,
                    path,
                    "pass the full generic type, such as " + "Types.newParameterizedType(Page.class, Item.class)");
        }
        throw unsupported(type, path, "use a record, an enum, String, a number, a boolean or a collection");
    }

    private Map<String, Object> classSchema(Class<?> c, String path) {
        if (c == String.class) {
            return typed("string");
        }
        if (c == char.class || c == Character.class) {
            Map<String, Object> schema = typed("string");
            if (mode != Mode.STRICT) {
                schema.put("minLength", 1);
                schema.put("maxLength", 1);
            }
            return schema;
        }
        if (c == boolean.class || c == Boolean.class) {
            return typed("boolean");
        }
        if (INTEGERS.contains(c)) {
            return typed("integer");
        }
        if (NUMBERS.contains(c)) {
            return typed("number");
        }
        if (c.isEnum()) {
            return enumSchema(c);
        }
        if (c.isArray()) {
            return arraySchema(c.getComponentType(), path);
        }
        if (c.isRecord()) {
            return recordSchema(c, c, Map.of(), path);
        }
        if (c.getTypeParameters().length > 0) {
            throw unsupported(c, path, "give its type arguments, such as " + c.getSimpleName() + "<String>");
        }
        if (c == Object.class) {
            throw unsupported(
                    c,
                    path,
                    "use a concrete type: a record, an enum, String, a number, a boolean,"
                            + " a List, a Set or a Map<String, V>");
        }
        throw unsupported(
                c,
                path,
                "it is not a record; declare it as a record, or use an enum, String,"
                        + " a number, a boolean, a List, a Set or a Map<String, V>");
    }

    private Map<String, Object> parameterizedSchema(ParameterizedType p, String path) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            Map<String, Object> schema = arraySchema(args[0], path);
            if (raw == Set.class && mode != Mode.STRICT) {
                schema.put("uniqueItems", true);
            }
            return schema;
        }
        if (raw == Map.class) {
            return mapSchema(p, path);
        }
        if (raw == Optional.class) {
            return nullable(schema(args[0], path));
        }
        if (raw.isRecord()) {
            return recordSchema(raw, p, JavaTypes.bindings(raw, args), path);
        }
        throw unsupported(p, path, "use a record, a List, a Set, a Map<String, V> or Optional");
    }

    private Map<String, Object> mapSchema(ParameterizedType p, String path) {
        Type[] args = p.getActualTypeArguments();
        if (args[0] != String.class) {
            throw unsupported(
                    p, path, "JSON object keys are strings; use Map<String, " + TypeNames.simple(args[1]) + ">");
        }
        if (mode == Mode.STRICT) {
            throw new IllegalArgumentException("cannot describe " + TypeNames.simple(p) + " at " + path + " of "
                    + TypeNames.simple(root) + " in strict mode, which forbids objects with free property"
                    + " names: use a List of records holding the key and the value");
        }
        Map<String, Object> schema = typed("object");
        schema.put("additionalProperties", schema(args[1], path + ".*"));
        return schema;
    }

    private Map<String, Object> arraySchema(Type element, String path) {
        Map<String, Object> schema = typed("array");
        schema.put("items", schema(element, path + "[*]"));
        return schema;
    }

    private Map<String, Object> enumSchema(Class<?> c) {
        Map<String, Object> schema = typed("string");
        List<Object> values = new ArrayList<>();
        StringJoiner described = new StringJoiner("; ");
        for (Object constant : c.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            AnnotatedElement field = JavaTypes.enumField(c, name);
            String value = JavaTypes.jsonName(field, name);
            values.add(value);
            Description description = field.getAnnotation(Description.class);
            if (description != null) {
                described.add(value + ": " + description.value());
            }
        }
        String text = joinDescriptions(c.getAnnotation(Description.class), described.toString());
        if (!text.isEmpty()) {
            schema.put("description", text);
        }
        schema.put("enum", values);
        return schema;
    }

    private static String joinDescriptions(Description type, String constants) {
        if (type == null) {
            return constants;
        }
        return constants.isEmpty() ? type.value() : type.value() + " " + constants;
    }

    private Map<String, Object> recordSchema(Class<?> c, Type type, Map<TypeVariable<?>, Type> bindings, String path) {
        String key = JavaTypes.canonical(type);
        if (onPath.contains(key) && !recursive.contains(key)) {
            recursive.add(key);
            foundRecursion = true;
            return reference("#");
        }
        if (!recursive.contains(key)) {
            return withPath(key, () -> objectSchema(c, bindings, path));
        }
        if (key.equals(JavaTypes.canonical(root))) {
            return onPath.isEmpty() ? withPath(key, () -> objectSchema(c, bindings, path)) : reference("#");
        }
        String name = defNames.computeIfAbsent(key, k -> uniqueDefName(c));
        if (!defs.containsKey(name)) {
            defs.put(name, Map.of());
            defs.put(name, withPath(key, () -> objectSchema(c, bindings, path)));
        }
        return reference("#/$defs/" + name);
    }

    private Map<String, Object> withPath(String key, Supplier<Map<String, Object>> body) {
        onPath.push(key);
        try {
            return body.get();
        } finally {
            onPath.pop();
        }
    }

    private String uniqueDefName(Class<?> c) {
        String name = c.getSimpleName();
        int suffix = 2;
        while (defNames.containsValue(name)) {
            name = c.getSimpleName() + suffix++;
        }
        return name;
    }

    private Map<String, Object> objectSchema(Class<?> c, Map<TypeVariable<?>, Type> bindings, String path) {
        if (mode == Mode.TOLERANT && !Modifier.isPublic(c.getModifiers())) {
            // Answers are bound by Moshi, which fails with an AssertionError on a non-public record.
            throw new IllegalArgumentException("cannot read " + c.getName() + " at " + path + " of "
                    + TypeNames.simple(root) + ": declare the record public so that Moshi can construct it");
        }
        Map<String, Object> schema = typed("object");
        Description description = c.getAnnotation(Description.class);
        if (description != null) {
            schema.put("description", description.value());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : c.getRecordComponents()) {
            String name = JavaTypes.jsonName(component, component.getName());
            Type type = JavaTypes.substitute(component.getGenericType(), bindings);
            boolean optional = JavaTypes.isOptional(type)
                    || (!component.getType().isPrimitive() && JavaTypes.hasNullable(component));
            properties.put(name, property(component, type, optional, path + "." + name));
            if (!optional || mode == Mode.STRICT) {
                required.add(name);
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (mode == Mode.STRICT) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    private Map<String, Object> property(RecordComponent component, Type type, boolean optional, String path) {
        Type valueType = JavaTypes.isOptional(type) ? ((ParameterizedType) type).getActualTypeArguments()[0] : type;
        Map<String, Object> schema = schema(valueType, path);
        if (optional && mode != Mode.PLAIN) {
            schema = nullable(schema);
        }
        Description description = component.getAnnotation(Description.class);
        return description == null ? schema : describe(schema, description.value());
    }

    /**
     * Returns {@code schema} that also accepts null: a type list for plain scalars, else anyOf with
     * null, the form OpenAI documents for nullable objects, arrays and enums.
     */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String name && SCALARS.contains(name) && !schema.containsKey("enum")) {
            Map<String, Object> copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(name, "null"));
            return copy;
        }
        Map<String, Object> anyOf = new LinkedHashMap<>();
        anyOf.put("anyOf", List.of(schema, typed("null")));
        return anyOf;
    }

    private static Map<String, Object> describe(Map<String, Object> schema, String description) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (schema.containsKey("type")) {
            copy.put("type", schema.get("type"));
        }
        copy.put("description", description);
        schema.forEach(copy::putIfAbsent);
        return copy;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    private static Map<String, Object> reference(String ref) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$ref", ref);
        return schema;
    }

    private IllegalArgumentException unsupported(Type type, String path, String fix) {
        return new IllegalArgumentException("cannot describe " + type.getTypeName() + " at " + path + " of "
                + TypeNames.simple(root) + " in JSON Schema: " + fix);
    }
}
