package dev.ladder.core;

/** Controls a stream started by {@link ChatModel#stream}. Thread-safe. */
public interface StreamHandle {

    /**
     * Cancels the stream: aborts the HTTP call, frees its connection, and delivers nothing more to
     * the handler. Does nothing if the stream has already ended.
     */
    void cancel();

    /** Returns true once the stream has completed, failed or been cancelled. */
    boolean isDone();
}
