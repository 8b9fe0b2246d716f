package dev.ladder.agent;

/** Signals that a graph cannot be compiled; the message names the node or edge at fault. */
public class GraphValidationException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public GraphValidationException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public GraphValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
