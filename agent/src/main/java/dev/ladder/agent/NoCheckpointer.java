package dev.ladder.agent;

import java.util.List;
import java.util.Optional;

/** Keeps nothing: used when a graph is compiled without a checkpointer. */
enum NoCheckpointer implements Checkpointer {
    INSTANCE;

    private static final ThreadLock NO_LOCK = () -> {};

    @Override
    public void put(Checkpoint checkpoint) {}

    @Override
    public void putWrite(String threadId, String checkpointId, PendingWrite write) {}

    @Override
    public Optional<Checkpoint> latest(String threadId) {
        return Optional.empty();
    }

    @Override
    public Optional<Checkpoint> find(String threadId, String checkpointId) {
        return Optional.empty();
    }

    @Override
    public List<Checkpoint> history(String threadId) {
        return List.of();
    }

    @Override
    public void deleteThread(String threadId) {}

    @Override
    public ThreadLock lock(String threadId) {
        return NO_LOCK;
    }
}
