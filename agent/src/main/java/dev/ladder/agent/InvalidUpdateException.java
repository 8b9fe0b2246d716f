package dev.ladder.agent;

/** Signals that the writes of a superstep conflict, such as two writes to a key without a reducer; the message names the key and the nodes. */
public class InvalidUpdateException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public InvalidUpdateException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public InvalidUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
