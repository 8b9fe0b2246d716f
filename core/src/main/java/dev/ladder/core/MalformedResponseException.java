package dev.ladder.core;

/**
 * The provider answered, but not in the shape its API promises: invalid JSON, a truncated stream,
 * an HTML page from a proxy. Not retriable by default; the message quotes what arrived.
 */
public class MalformedResponseException extends LadderException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
