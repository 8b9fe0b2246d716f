package dev.ladder.agent;

/** Signals that one attempt of a node took longer than its timeout; the attempt was interrupted. */
public class NodeTimeoutException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names the node and the timeout. */
    public NodeTimeoutException(String message) {
        super(message);
    }
}
