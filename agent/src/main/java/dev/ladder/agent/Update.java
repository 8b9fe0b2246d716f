package dev.ladder.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a node returns: writes to state keys, applied in order through each key's reducer, and
 * optionally nodes to go to next in addition to the graph's edges.
 *
 * <p>Immutable and thread-safe; every method returns a new update.
 */
public final class Update {
    private static final Update EMPTY = new Update(List.of(), List.of());

    private final List<Write> writes;
    private final List<String> gotos;

    private Update(List<Write> writes, List<String> gotos) {
        this.writes = writes;
        this.gotos = gotos;
    }

    /** Returns an update that writes nothing. */
    public static Update empty() {
        return EMPTY;
    }

    /** Creates an update writing {@code value} to {@code key}. */
    public static <T> Update of(Key<T> key, T value) {
        return EMPTY.and(key, value);
    }

    /** Creates an update replacing the value of {@code key} with {@code value}, bypassing its reducer. */
    public static <T> Update overwrite(Key<T> key, T value) {
        return EMPTY.andOverwrite(key, value);
    }

    /** Creates an update that only sends the run to {@code nodes} next. */
    public static Update goTo(String... nodes) {
        return EMPTY.andGoTo(nodes);
    }

    /** Returns this update followed by a write of {@code value} to {@code key}. */
    public <T> Update and(Key<T> key, T value) {
        return with(new Write(key, value, false));
    }

    /** Returns this update followed by a write replacing the value of {@code key}. */
    public <T> Update andOverwrite(Key<T> key, T value) {
        return with(new Write(key, value, true));
    }

    /** Returns this update followed by every write of {@code next}, and its go-to nodes. */
    public Update andThen(Update next) {
        List<Write> all = new ArrayList<>(writes);
        all.addAll(next.writes);
        List<String> targets = new ArrayList<>(gotos);
        targets.addAll(next.gotos);
        return new Update(List.copyOf(all), List.copyOf(targets));
    }

    /** Returns this update, also sending the run to {@code nodes} next. */
    public Update andGoTo(String... nodes) {
        List<String> targets = new ArrayList<>(gotos);
        Arrays.stream(nodes).forEach(node -> targets.add(Objects.requireNonNull(node, "node")));
        return new Update(writes, List.copyOf(targets));
    }

    /** Returns true if the update writes nothing and goes nowhere. */
    public boolean isEmpty() {
        return writes.isEmpty() && gotos.isEmpty();
    }

    List<Write> writes() {
        return writes;
    }

    /** Returns the nodes this update sends the run to, besides the graph's edges. */
    public List<String> gotos() {
        return gotos;
    }

    private Update with(Write write) {
        List<Write> all = new ArrayList<>(writes.size() + 1);
        all.addAll(writes);
        all.add(write);
        return new Update(List.copyOf(all), gotos);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Update update && update.writes.equals(writes) && update.gotos.equals(gotos);
    }

    @Override
    public int hashCode() {
        return writes.hashCode() * 31 + gotos.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Update{");
        for (Write write : writes) {
            text.append(write.overwrite() ? "=" : "")
                    .append(write.key().name())
                    .append('=')
                    .append(write.value())
                    .append(", ");
        }
        if (!gotos.isEmpty()) {
            text.append("goTo=").append(gotos);
        }
        return text.append('}').toString().replace(", }", "}");
    }
}
