package dev.ladder.core;

/**
 * A call took longer than its connect, read, idle or whole-call timeout allowed. Retriable: a
 * caller may try again, perhaps with a longer timeout.
 */
public class CallTimeoutException extends LadderException {
    private static final long serialVersionUID = 1L;

    public CallTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
