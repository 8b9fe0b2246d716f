package dev.ladder.agent;

import java.util.Optional;

/**
 * What a running node sees: the state, its own name and step, and ways to ask a human for input and
 * to stream tokens. A context belongs to one run of one node and is not shared between threads.
 */
public interface NodeContext {

    /** Returns the state as of the start of this superstep, with a send's input laid over it. */
    State state();

    /** Returns the value of {@code key}; see {@link State#get}. */
    default <T> T get(Key<T> key) {
        return state().get(key);
    }

    /** Returns the value of {@code key}, or empty; see {@link State#find}. */
    default <T> Optional<T> find(Key<T> key) {
        return state().find(key);
    }

    /** Returns the name of the running node. */
    String node();

    /** Returns the number of the running superstep, from 0. */
    int step();

    /**
     * Stops the run to ask a human for input, or returns the input once the run was resumed.
     *
     * <p>The first time a run reaches this call it throws an internal signal that stops the node and,
     * after the other nodes of the step finish, the run: the result lists an {@link Interrupt} with
     * {@code payload}. Resuming the thread with a value runs the node again from its start, and this
     * call now returns that value, converted to {@code type}. A node that asks twice needs two
     * resumes; each call is matched to its answer by its order in the node.
     *
     * @param payload what to show the human: a string, number, boolean, list or map of those;
     *     numbers pass through JSON, so a {@code long} beyond 2^53 loses precision.
     * @throws IllegalArgumentException if the resume value cannot be converted to {@code type}.
     */
    <T> T interrupt(Object payload, Class<T> type);

    /** Publishes a piece of generated text as a {@link GraphEvent.Token} event. */
    void emitToken(String text);
}
