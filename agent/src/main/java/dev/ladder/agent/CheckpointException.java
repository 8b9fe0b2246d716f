package dev.ladder.agent;

/** Signals that a checkpoint could not be stored or read back, such as a stored value that no longer matches its key's type; the message names the thread, checkpoint and key. */
public class CheckpointException extends GraphException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@code message}, which names what failed and how to fix it. */
    public CheckpointException(String message) {
        super(message);
    }

    /** Creates the exception with {@code message} and the failure that caused it. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
