package dev.ladder.agent;

import java.util.Objects;
import java.util.UUID;

/**
 * Which thread a call of a {@link CompiledGraph} advances, from which checkpoint, and who hears its
 * events. Immutable and thread-safe.
 *
 * @param threadId the thread: all checkpoints of one conversation or job share it.
 * @param checkpointId the checkpoint to continue or fork from, or null for the thread's newest.
 * @param listener receives the run's events.
 */
public record RunConfig(String threadId, String checkpointId, GraphListener listener) {

    public RunConfig {
        Objects.requireNonNull(threadId, "threadId");
        if (threadId.isBlank()) {
            throw new IllegalArgumentException("threadId must not be blank");
        }
        Objects.requireNonNull(listener, "listener");
    }

    /** Returns a config for thread {@code threadId}, from its newest checkpoint, without a listener. */
    public static RunConfig thread(String threadId) {
        return new RunConfig(threadId, null, GraphListener.NONE);
    }

    /** Returns a config for a new thread with a random id. */
    public static RunConfig newThread() {
        return thread(UUID.randomUUID().toString());
    }

    /** Returns a copy that continues or forks from checkpoint {@code checkpointId}. */
    public RunConfig at(String checkpointId) {
        return new RunConfig(threadId, Objects.requireNonNull(checkpointId, "checkpointId"), listener);
    }

    /** Returns a copy whose events go to {@code listener}. */
    public RunConfig withListener(GraphListener listener) {
        return new RunConfig(threadId, checkpointId, listener);
    }
}
