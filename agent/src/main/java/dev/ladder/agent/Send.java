package dev.ladder.agent;

import java.util.Objects;

/**
 * A request from a fan-out router to run {@code node} once with {@code input} laid over the state:
 * a router returning N sends to one node runs it N times in the next superstep.
 *
 * @param node the node to run.
 * @param input values the node sees instead of the state's values for the keys it writes; the state
 *     itself is not changed by them.
 */
public record Send(String node, Update input) {

    public Send {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(input, "input");
        if (!input.gotos().isEmpty()) {
            throw new IllegalArgumentException("the input of a send to '" + node + "' cannot go to nodes");
        }
    }

    /** Creates a send of {@code value} for {@code key} to {@code node}. */
    public static <T> Send of(String node, Key<T> key, T value) {
        return new Send(node, Update.of(key, value));
    }
}
