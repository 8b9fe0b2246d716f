package dev.ladder.agent;

import java.util.List;
import java.util.Optional;

/**
 * Stores the checkpoints of threads so that runs can stop and continue, also in another JVM when
 * the store is durable. Implementations must be thread-safe.
 *
 * <p>Ladder ships {@link MemoryCheckpointer} and {@link JdbcCheckpointer} (SQLite, PostgreSQL).
 */
public interface Checkpointer {

    /**
     * Stores {@code checkpoint}, replacing one of the same thread and id, then applies the
     * retention policy to its thread.
     *
     * @throws CheckpointException if it cannot be stored.
     */
    void put(Checkpoint checkpoint);

    /**
     * Records that a task of the checkpoint {@code checkpointId} finished with {@code write}, before
     * the rest of its superstep has finished.
     *
     * @throws CheckpointException if it cannot be stored.
     */
    void putWrite(String threadId, String checkpointId, PendingWrite write);

    /** Returns the newest checkpoint of {@code threadId}, with its pending writes. */
    Optional<Checkpoint> latest(String threadId);

    /** Returns the checkpoint {@code checkpointId} of {@code threadId}, with its pending writes. */
    Optional<Checkpoint> find(String threadId, String checkpointId);

    /** Returns the checkpoints of {@code threadId} that are kept, newest first. */
    List<Checkpoint> history(String threadId);

    /** Deletes every checkpoint and pending write of {@code threadId}. */
    void deleteThread(String threadId);

    /**
     * Takes the exclusive right to advance {@code threadId} until the returned lock is closed.
     *
     * @throws ThreadBusyException if another run holds it and the implementation does not wait, or
     *     stops waiting.
     */
    ThreadLock lock(String threadId);
}
