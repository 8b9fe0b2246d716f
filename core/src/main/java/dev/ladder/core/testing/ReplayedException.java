package dev.ladder.core.testing;

import dev.ladder.core.LadderException;

/**
 * A recorded failure of an exception type that Ladder does not ship, replayed with the recorded
 * message and retriable flag. The original type's name is kept in {@link #recordedType()}.
 */
public final class ReplayedException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String recordedType;
    private final boolean retriable;

    /** Creates the replay of a recorded {@code recordedType} failure. */
    public ReplayedException(String recordedType, String message, boolean retriable) {
        super(message);
        this.recordedType = recordedType;
        this.retriable = retriable;
    }

    /** Returns the class name of the exception that was recorded. */
    public String recordedType() {
        return recordedType;
    }

    @Override
    public boolean retriable() {
        return retriable;
    }
}
