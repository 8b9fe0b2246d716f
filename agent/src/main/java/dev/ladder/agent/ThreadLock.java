package dev.ladder.agent;

/** The exclusive right to advance one thread, released by {@link #close()}. */
public interface ThreadLock extends AutoCloseable {

    /** Releases the lock; does nothing if it was released already. */
    @Override
    void close();
}
