package dev.ladder.core;

/**
 * The root of every exception Ladder throws for a failed call. Unchecked. Subclasses say what went
 * wrong; {@link #retriable()} says whether trying the same call again may succeed.
 */
public class LadderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LadderException(String message) {
        super(message);
    }

    public LadderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns true if the same call may succeed when tried again later. */
    public boolean retriable() {
        return false;
    }
}
