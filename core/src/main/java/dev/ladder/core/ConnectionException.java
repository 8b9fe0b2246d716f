package dev.ladder.core;

/**
 * The connection to the provider failed or broke before a complete response arrived. Retriable.
 */
public class ConnectionException extends LadderException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
