package dev.ladder.agent;

import java.util.List;
import java.util.Objects;

/**
 * Where a call of a {@link CompiledGraph} left its thread: finished, or stopped to wait for a human.
 *
 * @param threadId the thread.
 * @param checkpointId the newest checkpoint, or null when the graph runs without a checkpointer.
 * @param state the state values.
 * @param next the nodes that run when the thread is resumed; empty when the run finished.
 * @param interrupts the questions the run waits on; empty when it finished.
 */
public record RunResult(
        String threadId, String checkpointId, State state, List<String> next, List<Interrupt> interrupts) {

    public RunResult {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(state, "state");
        next = List.copyOf(next);
        interrupts = List.copyOf(interrupts);
    }

    /** Returns true when the run stopped at a breakpoint or a question rather than at END. */
    public boolean interrupted() {
        return !interrupts.isEmpty();
    }

    /** Returns the value of {@code key} in the final state; see {@link State#get}. */
    public <T> T get(Key<T> key) {
        return state.get(key);
    }
}
