package dev.ladder.agent;

/**
 * Receives the events of a run. Called from the threads nodes run on, possibly concurrently, so an
 * implementation must be thread-safe. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface GraphListener {

    /** Receives {@code event}. */
    void onEvent(GraphEvent event);

    /** A listener that ignores every event. */
    GraphListener NONE = event -> {};
}
