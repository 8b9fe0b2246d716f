package dev.ladder.agent;

import com.squareup.moshi.Types;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * Declares one key of a graph's state: its name, its Java type and how writes to it combine.
 *
 * <p>A key made by {@link #of} keeps the last value and accepts one write per superstep; two writes
 * in one step fail with {@link InvalidUpdateException}. The other factories give a reducer that
 * folds every write of a step, in a deterministic order, into the current value. The type is used to
 * read the value back from a durable checkpoint, so it must be a type Moshi can read and write.
 *
 * <p>Immutable and thread-safe. Two keys are equal when their names are equal.
 *
 * @param <T> the type of the value.
 */
public final class Key<T> {
    private final String name;
    private final Type type;
    private final BinaryOperator<T> reducer;
    private final T initial;

    private Key(String name, Type type, BinaryOperator<T> reducer, T initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "key name '" + name + "' is not allowed: use 1 to 64 letters, digits, '_', '.' or '-'");
        }
        this.reducer = reducer;
        this.initial = initial;
    }

    /** Creates a key that keeps the last value written and accepts one write per superstep. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type, null, null);
    }

    /**
     * Creates a key that keeps the last value written, for a generic {@code type} such as one made
     * with {@link Types#newParameterizedType}.
     */
    public static <T> Key<T> of(String name, Type type, Class<? super T> rawType) {
        Objects.requireNonNull(rawType, "rawType");
        return new Key<>(name, type, null, null);
    }

    /**
     * Creates a key whose writes are folded with {@code reducer}, starting from {@code identity}:
     * the value before any write is {@code identity}, and each write {@code w} turns the value
     * {@code v} into {@code reducer.apply(v, w)}.
     */
    public static <T> Key<T> reduced(String name, Class<T> type, T identity, BinaryOperator<T> reducer) {
        return new Key<>(name, type, Objects.requireNonNull(reducer, "reducer"), identity);
    }

    /** Creates a key like {@link #reduced(String, Class, Object, BinaryOperator)} for a generic type. */
    public static <T> Key<T> reduced(String name, Type type, T identity, BinaryOperator<T> reducer) {
        return new Key<>(name, type, Objects.requireNonNull(reducer, "reducer"), identity);
    }

    /** Creates a list key that appends every written list to the current one, starting empty. */
    public static <E> Key<List<E>> appending(String name, Type elementType) {
        Type type = Types.newParameterizedType(List.class, elementType);
        return new Key<>(name, type, Key::concat, List.of());
    }

    /** Creates a map key that merges every written map into the current one, later entries winning. */
    public static <V> Key<Map<String, V>> merging(String name, Type valueType) {
        Type type = Types.newParameterizedType(Map.class, String.class, valueType);
        return new Key<>(name, type, Key::merge, Map.of());
    }

    /** Returns the key's name, unique within a schema. */
    public String name() {
        return name;
    }

    /** Returns the Java type of the value, used to read it back from a checkpoint. */
    public Type type() {
        return type;
    }

    /** Returns true when writes are folded by a reducer rather than replacing the value. */
    public boolean hasReducer() {
        return reducer != null;
    }

    /** Returns the value before any write: the reducer's identity, or null for a last-value key. */
    public T initial() {
        return initial;
    }

    /** Returns the value after writing {@code update} over {@code current}. */
    T apply(T current, T update) {
        if (reducer == null) {
            return update;
        }
        return reducer.apply(current == null ? initial : current, update);
    }

    /** Casts {@code value}, read from state under this key's name, to the key's type. */
    @SuppressWarnings("unchecked") // every value stored under this key's name was written through it
    T cast(Object value) {
        return (T) value;
    }

    private static <E> List<E> concat(List<E> current, List<E> update) {
        List<E> all = new ArrayList<>(current.size() + update.size());
        all.addAll(current);
        all.addAll(update);
        return Collections.unmodifiableList(all);
    }

    private static <V> Map<String, V> merge(Map<String, V> current, Map<String, V> update) {
        Map<String, V> all = new LinkedHashMap<>(current);
        all.putAll(update);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key<?> key && key.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Key[" + name + "]";
    }
}
