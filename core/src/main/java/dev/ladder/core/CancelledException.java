package dev.ladder.core;

/** The caller cancelled the call before it completed. Not retriable. */
public class CancelledException extends LadderException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
