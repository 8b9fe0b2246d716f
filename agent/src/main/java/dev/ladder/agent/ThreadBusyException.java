package dev.ladder.agent;

/** Signals that another run, possibly in another JVM, is advancing the same thread; try again later or configure a lock wait. */
public class ThreadBusyException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public ThreadBusyException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public ThreadBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
