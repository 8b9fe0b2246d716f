package dev.ladder.reflection.sql;

import dev.ladder.reflection.ReflectionResult;
import java.util.Objects;

/**
 * The answer to a question asked of a database.
 *
 * @param question the question.
 * @param sql the last SQL the model wrote, or null when its last answer held none.
 * @param result the rows of the last SQL, or null when it did not run (refused or failed).
 * @param trace every attempt: prompts, answers, database errors, usage and durations.
 */
public record Nl2SqlResult(String question, String sql, QueryResult result, ReflectionResult trace) {

    public Nl2SqlResult {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(trace, "trace");
    }

    /** Returns true if the last SQL ran and {@link #result()} holds its rows. */
    public boolean succeeded() {
        return result != null;
    }
}
