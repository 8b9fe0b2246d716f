package dev.ladder.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies the updates of one superstep to the state through each key's reducer, in task order. */
final class StateMerger {
    private StateMerger() {}

    /**
     * Returns the values after applying {@code writes}, in order.
     *
     * @throws InvalidUpdateException naming the key and nodes when a key without a reducer is written
     *     twice, a key is overwritten twice, or a key is not declared.
     */
    static Map<String, Object> apply(Schema schema, Map<String, Object> values, List<PendingWrite> writes) {
        checkConflicts(schema, writes);
        Map<String, Object> next = new HashMap<>(values);
        for (PendingWrite write : writes) {
            for (Write w : write.update().writes()) {
                next.put(w.key().name(), reduce(w.key(), next.get(w.key().name()), w));
            }
        }
        return next;
    }

    private static <T> T reduce(Key<T> key, Object current, Write write) {
        T value = key.cast(write.value());
        return write.overwrite() ? value : key.apply(key.cast(current), value);
    }

    private static void checkConflicts(Schema schema, List<PendingWrite> writes) {
        if (writes.size() == 1 && writes.get(0).update().writes().size() <= 1) {
            checkDeclared(schema, writes.get(0));
            return;
        }
        Map<String, List<String>> writers = new LinkedHashMap<>();
        Map<String, List<String>> overwriters = new LinkedHashMap<>();
        for (PendingWrite write : writes) {
            checkDeclared(schema, write);
            for (Write w : write.update().writes()) {
                if (!w.key().hasReducer()) {
                    writers.computeIfAbsent(w.key().name(), k -> new ArrayList<>())
                            .add(write.node());
                }
                if (w.overwrite()) {
                    overwriters
                            .computeIfAbsent(w.key().name(), k -> new ArrayList<>())
                            .add(write.node());
                }
            }
        }
        writers.forEach((key, nodes) -> {
            if (nodes.size() > 1) {
                throw new InvalidUpdateException("invalid update: state key '" + key + "' received " + nodes.size()
                        + " writes in one superstep, from " + nodes
                        + "; it keeps one value per step, so give it a reducer or let one node write it");
            }
        });
        overwriters.forEach((key, nodes) -> {
            if (nodes.size() > 1) {
                throw new InvalidUpdateException("invalid update: state key '" + key + "' received " + nodes.size()
                        + " overwrites in one superstep, from " + nodes + "; only one overwrite per key and step");
            }
        });
    }

    private static void checkDeclared(Schema schema, PendingWrite write) {
        for (Write w : write.update().writes()) {
            if (!schema.declares(w.key())) {
                throw new InvalidUpdateException("invalid update: node '" + write.node() + "' wrote state key '"
                        + w.key().name() + "', which the graph's schema does not declare");
            }
        }
    }
}
