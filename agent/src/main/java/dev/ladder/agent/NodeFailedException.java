package dev.ladder.agent;

/** Signals that a node failed after its retries; the checkpoint keeps the writes of the nodes of the same step that succeeded, so resuming the thread re-runs only the failed node. */
public class NodeFailedException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public NodeFailedException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public NodeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
