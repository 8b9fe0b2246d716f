package dev.ladder.core.eval;

import dev.ladder.core.Usage;
import java.util.Objects;

/**
 * A scorer's verdict on one answer.
 *
 * @param passed whether the answer counts as right; accuracy is the share of passed cases.
 * @param value how good the answer is, from 0 to 1; for pass or fail scorers, 1 or 0.
 * @param reason why, in a few words; empty when there is nothing to add.
 * @param usage the tokens the scorer itself spent, such as an LLM judge's; zero for string comparisons.
 */
public record Score(boolean passed, double value, String reason, Usage usage) {

    public Score {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("score value must be from 0 to 1, was " + value);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(usage, "usage");
    }

    /** Creates a score of a scorer that spent no tokens. */
    public Score(boolean passed, double value, String reason) {
        this(passed, value, reason, Usage.ZERO);
    }

    /** Returns a passing score of 1. */
    public static Score pass() {
        return new Score(true, 1, "");
    }

    /** Returns a failing score of 0 with {@code reason}. */
    public static Score fail(String reason) {
        return new Score(false, 0, reason);
    }
}
