package dev.ladder.reflection.sql;

import java.util.Objects;

/**
 * How plain prompting and reflection did on one example.
 *
 * @param example the question and its gold SQL.
 * @param goldError the database's error when the gold SQL itself failed, else null; such an example
 *     is left out of the accuracy.
 * @param plain the answer with one attempt.
 * @param reflection the answer with reflection.
 * @param plainCorrect whether the plain answer's rows match the gold rows.
 * @param reflectionCorrect whether the reflected answer's rows match the gold rows.
 */
public record ExampleOutcome(
        SqlExample example,
        String goldError,
        Nl2SqlResult plain,
        Nl2SqlResult reflection,
        boolean plainCorrect,
        boolean reflectionCorrect) {

    public ExampleOutcome {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(reflection, "reflection");
        if (goldError != null && (plainCorrect || reflectionCorrect)) {
            throw new IllegalArgumentException("an example whose gold SQL failed cannot be scored correct");
        }
    }

    /** Returns true if the gold SQL ran, so the example counts towards accuracy. */
    public boolean scored() {
        return goldError == null;
    }
}
