package dev.ladder.core.eval;

import java.util.Objects;

/**
 * One question of an evaluation data set.
 *
 * @param id a name for the case, unique within its data set; reports list cases by it.
 * @param input what the strategy is asked.
 * @param expected the reference answer, or null when the case is judged without one.
 * @param scorer how to judge this case's answers, or null to use the evaluation's scorer.
 */
public record EvalCase(String id, String input, String expected, Scorer scorer) {

    public EvalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(input, "input");
        if (id.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
    }

    /** Creates a case judged against {@code expected} by the evaluation's scorer. */
    public static EvalCase of(String id, String input, String expected) {
        return new EvalCase(id, input, Objects.requireNonNull(expected, "expected"), null);
    }

    /** Creates a case judged by its own {@code scorer}. */
    public static EvalCase scored(String id, String input, Scorer scorer) {
        return new EvalCase(id, input, null, Objects.requireNonNull(scorer, "scorer"));
    }
}
