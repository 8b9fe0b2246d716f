package dev.ladder.reflection;

import dev.ladder.core.LadderException;
import java.util.List;

/**
 * Thrown when a model call fails part-way through a reflection loop; carries the attempts made
 * before the failure so that no traced work is lost, and the model's exception as its cause.
 */
public final class ReflectionFailedException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final transient List<Attempt> attempts;

    ReflectionFailedException(List<Attempt> attempts, LadderException cause) {
        super(
                "model call failed at attempt " + (attempts.size() + 1) + " of the reflection loop, after "
                        + attempts.size() + " traced attempt(s): " + cause.getMessage(),
                cause);
        this.attempts = List.copyOf(attempts);
    }

    /**
     * Returns the attempts completed before the failure, oldest first; may be empty. Pass them to
     * {@link ReflectionLoop#continueFrom} to go on once the model is reachable again.
     */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** Returns whether the failed model call may succeed when tried again. */
    @Override
    public boolean retriable() {
        return getCause() instanceof LadderException cause && cause.retriable();
    }
}
