package dev.ladder.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to a listener, logging and dropping what the listener throws. */
final class Events {
    private static final Logger log = LoggerFactory.getLogger(Events.class);

    private final GraphListener listener;

    Events(GraphListener listener) {
        this.listener = listener;
    }

    boolean enabled() {
        return listener != GraphListener.NONE;
    }

    void emit(GraphEvent event) {
        if (listener == GraphListener.NONE) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn(
                    "graph listener failed on {}; the run goes on",
                    event.getClass().getSimpleName(),
                    e);
        }
    }
}
