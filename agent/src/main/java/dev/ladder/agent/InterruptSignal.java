package dev.ladder.agent;

/** Stops a node that asked a human for input; caught by the runtime, never seen by users. */
final class InterruptSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object payload;

    InterruptSignal(Object payload) {
        super("node asked for input", null, false, false);
        this.payload = payload;
    }

    Object payload() {
        return payload;
    }
}
