package dev.ladder.reflection;

import dev.ladder.core.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a reflection loop: the final output and the trace of every attempt.
 *
 * @param task the task the loop was given.
 * @param attempts every attempt, oldest first; never empty.
 * @param stopReason why the loop stopped.
 */
public record ReflectionResult(String task, List<Attempt> attempts, StopReason stopReason) {

    public ReflectionResult {
        Objects.requireNonNull(task, "task");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(stopReason, "stopReason");
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a reflection result needs at least one attempt");
        }
    }

    /** Returns the last attempt's output, whether or not it passed. */
    public String output() {
        return last().output();
    }

    /** Returns true if the last output passed verification. */
    public boolean passed() {
        return last().passed();
    }

    /** Returns the last attempt. */
    public Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    /** Returns the tokens spent over all attempts, model and verifiers together. */
    public Usage usage() {
        return attempts.stream().map(Attempt::usage).reduce(Usage.ZERO, Usage::plus);
    }
}
