package dev.ladder.agent;

import com.squareup.moshi.Types;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

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
    /** The id of a removal that removes every element written before it; see {@link #byId}. */
    public static final String REMOVE_ALL = "__remove_all__";

    private final String name;
    private final Type type;
    private final BinaryOperator<T> reducer;
    private final T initial;
    private final boolean ephemeral;

    private Key(String name, Type type, BinaryOperator<T> reducer, T initial) {
        this(name, type, reducer, initial, false);
    }

    private Key(String name, Type type, BinaryOperator<T> reducer, T initial, boolean ephemeral) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "key name '" + name + "' is not allowed: use 1 to 64 letters, digits, '_', '.' or '-'");
        }
        this.reducer = reducer;
        this.initial = initial;
        this.ephemeral = ephemeral;
    }

    /** Creates a key that keeps the last value written and accepts one write per superstep. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type, null, null);
    }

    /**
     * Creates a key that keeps the last value written, for a generic {@code type} such as one made
     * with {@link Types#newParameterizedType}. The caller states {@code T}, which must match
     * {@code type}: {@code Key<List<Item>> items = Key.of("items", listOfItemType)}.
     */
    public static <T> Key<T> of(String name, Type type) {
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

    /**
     * Creates a list key whose writes are merged by id: an element whose id ({@code idOf}) is
     * already in the list replaces it in place, any other element is appended. Suits message
     * histories where a later write edits an earlier message. Every element must have an id.
     */
    public static <E> Key<List<E>> byId(String name, Type elementType, Function<E, String> idOf) {
        return byId(name, elementType, idOf, element -> false);
    }

    /**
     * Creates a list key merged by id like {@link #byId(String, Type, Function)}, where an element
     * that {@code isRemoval} accepts is not stored but removes the element with its id, and a removal
     * whose id is {@link #REMOVE_ALL} removes every element before it. Every element must have an id.
     */
    public static <E> Key<List<E>> byId(
            String name, Type elementType, Function<E, String> idOf, Predicate<E> isRemoval) {
        return byId(name, elementType, idOf, null, isRemoval);
    }

    /**
     * Creates a list key merged by id like {@link #byId(String, Type, Function, Predicate)}, where
     * an element written without an id ({@code idOf} returns null) is stored as {@code
     * withId.apply(element, id)} with a fresh random UUID as its id: LangGraph's message-list reducer,
     * for a message type that carries an id. The UUID is drawn when the reducer runs, so a router of
     * a parallel step, which sees its own node's writes applied apart, sees other UUIDs than the
     * state keeps.
     */
    public static <E> Key<List<E>> byId(
            String name,
            Type elementType,
            Function<E, String> idOf,
            BiFunction<E, String, E> withId,
            Predicate<E> isRemoval) {
        Objects.requireNonNull(idOf, "idOf");
        Objects.requireNonNull(isRemoval, "isRemoval");
        Type type = Types.newParameterizedType(List.class, elementType);
        return new Key<>(
                name,
                type,
                (current, update) -> upsert(name, current, update, new Ids<>(idOf, withId), isRemoval),
                List.of());
    }

    /**
     * Creates a list key that collects the writes of one superstep and is cleared when the next
     * superstep's writes are applied: nodes of step N+1 read what step N wrote, and nothing older.
     */
    public static <E> Key<List<E>> topic(String name, Type elementType) {
        Type type = Types.newParameterizedType(List.class, elementType);
        return new Key<>(name, type, Key::concat, List.of(), true);
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

    /** Returns true for a {@link #topic} key, whose value lasts one superstep. */
    public boolean ephemeral() {
        return ephemeral;
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

    private static <E> List<E> upsert(
            String name, List<E> current, List<E> update, Ids<E> ids, Predicate<E> isRemoval) {
        Map<String, E> byId = new LinkedHashMap<>();
        current.forEach(element -> byId.put(ids.idOf.apply(element), element));
        for (E written : update) {
            E element = ids.identified(name, written);
            String id = ids.idOf.apply(element);
            if (!isRemoval.test(element)) {
                byId.put(id, element);
            } else if (id.equals(REMOVE_ALL)) {
                byId.clear();
            } else {
                byId.remove(id);
            }
        }
        return List.copyOf(byId.values());
    }

    /** Reads the ids of a {@link #byId} key's elements, and gives fresh ones where it may. */
    private record Ids<E>(Function<E, String> idOf, BiFunction<E, String, E> withId) {

        E identified(String key, E element) {
            if (idOf.apply(element) != null) {
                return element;
            }
            if (withId == null) {
                throw new IllegalArgumentException("an element written to list key '" + key + "' has no id: " + element
                        + "; give it one, or declare the key with an id assigner (withId)");
            }
            E identified = withId.apply(element, UUID.randomUUID().toString());
            if (identified == null || idOf.apply(identified) == null) {
                throw new IllegalStateException(
                        "the id assigner of list key '" + key + "' returned an element without an id: " + identified);
            }
            return identified;
        }
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
