package dev.ladder.agent;

/** Signals that building or running a graph failed. The root of the agent module's exceptions; unchecked. */
public class GraphException extends dev.ladder.core.LadderException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public GraphException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
