package dev.ladder.agent;

/** Signals that a run reached its recursion limit; the message names the step and the nodes it was about to run. */
public class GraphRecursionException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public GraphRecursionException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public GraphRecursionException(String message, Throwable cause) {
        super(message, cause);
    }
}
