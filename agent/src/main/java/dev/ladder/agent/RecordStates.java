package dev.ladder.agent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Maps a user's record to state keys, one last-value key per component unless overridden. */
final class RecordStates {
    private RecordStates() {}

    static Map<String, Key<?>> keys(Class<? extends Record> type) {
        Map<String, Key<?>> keys = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            keys.put(component.getName(), key(component));
        }
        return keys;
    }

    static <R extends Record> R read(State state, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            values[i] = state.find(state.schema().require(component.getName())).orElse(null);
            if (values[i] == null && component.getType().isPrimitive()) {
                throw new IllegalStateException("record component '" + component.getName() + "' of "
                        + type.getSimpleName() + " has no value yet and is a primitive: write it first,"
                        + " or make it a wrapper type");
            }
        }
        return construct(type, types, values);
    }

    static <R extends Record> Update changes(R before, R after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Update update = Update.empty();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            Object old = value(component, before);
            Object now = value(component, after);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (now == null) {
                throw new IllegalArgumentException("record component '" + component.getName()
                        + "' changed to null: state values cannot be removed, write an empty value instead");
            }
            update = update.andThen(write(key(component), now));
        }
        return update;
    }

    private static <T> Update write(Key<T> key, Object value) {
        return Update.of(key, key.cast(value));
    }

    private static Key<Object> key(RecordComponent component) {
        Type type = component.getType().isPrimitive() ? box(component.getType()) : component.getGenericType();
        return Key.of(component.getName(), type);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "cannot read component '" + component.getName() + "' of "
                            + record.getClass().getName() + ": make the record public",
                    e);
        }
    }

    private static <R> R construct(Class<R> type, Class<?>[] types, Object[] values) {
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "the state does not make a valid " + type.getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot build a " + type.getName() + " from the state: make the record public", e);
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }
}
