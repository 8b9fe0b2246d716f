package dev.ladder.core.eval;

/**
 * Judges an answer to a case. Called from several threads at once, so implementations must be
 * thread-safe. An exception it throws marks the case wrong and is recorded in the report.
 *
 * @see Scorers
 * @see LlmJudge
 */
@FunctionalInterface
public interface Scorer {

    /** Returns the verdict on {@code answer} to {@code testCase}. */
    Score score(EvalCase testCase, Answer answer);
}
