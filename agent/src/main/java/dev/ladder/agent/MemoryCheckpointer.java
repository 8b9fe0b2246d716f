package dev.ladder.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps checkpoints in this JVM's memory: fast, shared by every graph that uses the instance, and
 * lost when the JVM stops. Values are kept by reference, so they must be immutable. Thread-safe.
 */
public final class MemoryCheckpointer implements Checkpointer {
    private final Map<String, ThreadHistory> threads = new ConcurrentHashMap<>();
    // One small lock per thread id ever locked, kept for the life of the checkpointer.
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Retention retention;
    private final Clock clock;

    private MemoryCheckpointer(Retention retention, Clock clock) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a checkpointer that keeps every checkpoint. */
    public static MemoryCheckpointer create() {
        return new MemoryCheckpointer(Retention.ALL, Clock.systemUTC());
    }

    /** Creates a checkpointer that keeps the checkpoints {@code retention} allows. */
    public static MemoryCheckpointer create(Retention retention) {
        return new MemoryCheckpointer(retention, Clock.systemUTC());
    }

    @Override
    public void put(Checkpoint checkpoint) {
        ThreadHistory history = threads.computeIfAbsent(checkpoint.threadId(), id -> new ThreadHistory());
        synchronized (history) {
            history.put(checkpoint);
            if (!retention.equals(Retention.ALL)) {
                history.retain(retention, clock.instant());
            }
        }
    }

    @Override
    public void putWrite(String threadId, String checkpointId, PendingWrite write) {
        ThreadHistory history = threads.get(threadId);
        if (history == null) {
            throw new CheckpointException("thread '" + threadId + "' has no checkpoint '" + checkpointId + "'");
        }
        synchronized (history) {
            history.addWrite(checkpointId, write);
        }
    }

    @Override
    public Optional<Checkpoint> latest(String threadId) {
        ThreadHistory history = threads.get(threadId);
        if (history == null) {
            return Optional.empty();
        }
        synchronized (history) {
            return history.latest();
        }
    }

    @Override
    public Optional<Checkpoint> find(String threadId, String checkpointId) {
        ThreadHistory history = threads.get(threadId);
        if (history == null) {
            return Optional.empty();
        }
        synchronized (history) {
            return history.find(checkpointId);
        }
    }

    @Override
    public List<Checkpoint> history(String threadId) {
        ThreadHistory history = threads.get(threadId);
        if (history == null) {
            return List.of();
        }
        synchronized (history) {
            return history.newestFirst();
        }
    }

    @Override
    public void deleteThread(String threadId) {
        threads.remove(threadId);
    }

    @Override
    public ThreadLock lock(String threadId) {
        ReentrantLock lock = locks.computeIfAbsent(threadId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new ThreadBusyException("thread '" + threadId
                    + "' is being advanced by another run in this JVM: wait for it to finish before running it");
        }
        return new ThreadLock() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    lock.unlock();
                }
            }
        };
    }

    /** The checkpoints of one thread, oldest first; guarded by its own monitor. */
    private static final class ThreadHistory {
        private final LinkedHashMap<String, Checkpoint> checkpoints = new LinkedHashMap<>();
        private Checkpoint latest;

        void put(Checkpoint checkpoint) {
            boolean replaced = checkpoints.put(checkpoint.id(), checkpoint) != null;
            if (!replaced || latest.id().equals(checkpoint.id())) {
                latest = checkpoint;
            }
        }

        void addWrite(String checkpointId, PendingWrite write) {
            Checkpoint checkpoint = checkpoints.get(checkpointId);
            if (checkpoint == null) {
                throw new CheckpointException("checkpoint '" + checkpointId
                        + "' is not stored: it may have been removed by the retention policy");
            }
            List<PendingWrite> writes = new ArrayList<>(checkpoint.writes());
            writes.add(write);
            put(checkpoint.withWrites(writes));
        }

        Optional<Checkpoint> latest() {
            return Optional.ofNullable(latest);
        }

        Optional<Checkpoint> find(String checkpointId) {
            return Optional.ofNullable(checkpoints.get(checkpointId));
        }

        List<Checkpoint> newestFirst() {
            List<Checkpoint> all = new ArrayList<>(checkpoints.values());
            Collections.reverse(all);
            return all;
        }

        void retain(Retention retention, Instant now) {
            Iterator<Checkpoint> oldestFirst = checkpoints.values().iterator();
            int position = checkpoints.size() - 1;
            while (oldestFirst.hasNext() && position > 0) {
                Checkpoint checkpoint = oldestFirst.next();
                if (!retention.drops(position, checkpoint.createdAt(), now)) {
                    return;
                }
                oldestFirst.remove();
                position--;
            }
        }
    }
}
