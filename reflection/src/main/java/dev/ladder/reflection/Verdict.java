package dev.ladder.reflection;

import dev.ladder.core.Usage;
import java.util.Objects;

/**
 * A {@link Verifier}'s judgement of one output: passed, or failed with feedback for the next attempt.
 *
 * @param passed whether the output is acceptable.
 * @param feedback what is wrong and how to fix it, written for the model; empty when passed.
 * @param usage tokens the verifier itself spent, for example an LLM critic; {@link Usage#ZERO} when none.
 */
public record Verdict(boolean passed, String feedback, Usage usage) {

    public Verdict {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(usage, "usage");
        if (!passed && feedback.isBlank()) {
            throw new IllegalArgumentException("a failed verdict needs feedback for the model, was blank");
        }
    }

    /** Returns a passing verdict that cost no tokens. */
    public static Verdict pass() {
        return new Verdict(true, "", Usage.ZERO);
    }

    /** Returns a failing verdict carrying {@code feedback}; throws if it is blank. */
    public static Verdict fail(String feedback) {
        return new Verdict(false, feedback, Usage.ZERO);
    }

    /** Returns this verdict with {@code more} added to its usage. */
    public Verdict plusUsage(Usage more) {
        return new Verdict(passed, feedback, usage.plus(more));
    }
}
