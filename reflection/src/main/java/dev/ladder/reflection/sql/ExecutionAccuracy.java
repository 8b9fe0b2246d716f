package dev.ladder.reflection.sql;

import dev.ladder.core.eval.Answer;
import dev.ladder.core.eval.EvalCase;
import dev.ladder.core.eval.EvalDataset;
import dev.ladder.core.eval.Score;
import dev.ladder.core.eval.Scorer;
import dev.ladder.core.eval.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings NL2SQL into core's evaluation harness ({@link dev.ladder.core.eval.Evaluation}): (question,
 * gold SQL) pairs as a data set, an {@link Nl2Sql} as a strategy whose answer is its final SQL, and
 * execution accuracy as the scorer. The harness then runs cases in parallel and compares NL2SQL with
 * any other strategy in one report. {@link SqlEvaluation} measures the same accuracy and also keeps
 * the reflection traces. Stateless and thread-safe.
 */
public final class ExecutionAccuracy {
    private ExecutionAccuracy() {}

    /** Returns {@code examples} as a data set named {@code name}, with case ids q1, q2... */
    public static EvalDataset dataset(String name, List<SqlExample> examples) {
        Objects.requireNonNull(name, "name");
        List<EvalCase> cases = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            SqlExample example = examples.get(i);
            cases.add(EvalCase.of("q" + (i + 1), example.question(), example.goldSql()));
        }
        return new EvalDataset(name, cases);
    }

    /**
     * Returns a strategy that asks {@code nl2sql} the case's input and answers with its final SQL,
     * or an empty answer when the model wrote none; the usage is that of every attempt.
     */
    public static Strategy strategy(Nl2Sql nl2sql) {
        Objects.requireNonNull(nl2sql, "nl2sql");
        return testCase -> {
            Nl2SqlResult result = nl2sql.ask(testCase.input());
            return new Answer(
                    result.sql() == null ? "" : result.sql(), result.trace().usage());
        };
    }

    /**
     * Returns a scorer that runs the case's expected (gold) SQL and the answer's SQL on
     * {@code database} and passes the answer when their rows match: the same column count and the
     * same rows, as a multiset unless the gold SQL has an ORDER BY.
     *
     * @throws IllegalArgumentException from the scorer when a case has no gold SQL or its gold SQL
     *     fails: the harness records the case as an error, not as a wrong answer.
     */
    public static Scorer scorer(SqlDatabase database) {
        Objects.requireNonNull(database, "database");
        return (testCase, answer) -> score(database, testCase, answer);
    }

    private static Score score(SqlDatabase database, EvalCase testCase, Answer answer) {
        QueryResult gold = gold(database, testCase);
        if (answer.text().isBlank()) {
            return Score.fail("the answer holds no SQL");
        }
        QueryResult predicted;
        try {
            predicted = database.query(answer.text());
        } catch (SqlRejectedException | SqlExecutionException e) {
            return Score.fail("the answer's SQL did not run: " + e.getMessage());
        }
        boolean ordered = ResultComparison.orders(testCase.expected(), database.dialect());
        if (ResultComparison.sameResult(gold, predicted, ordered)) {
            return Score.pass();
        }
        return Score.fail("the rows differ from the gold rows (" + shape(predicted) + " instead of " + shape(gold)
                + (ordered ? ", order compared" : ", order ignored") + ")");
    }

    private static QueryResult gold(SqlDatabase database, EvalCase testCase) {
        if (testCase.expected() == null) {
            throw new IllegalArgumentException(
                    "case " + testCase.id() + " has no gold SQL: give each case its SQL as the expected answer");
        }
        try {
            return database.query(testCase.expected());
        } catch (SqlRejectedException | SqlExecutionException e) {
            throw new IllegalArgumentException(
                    "the gold SQL of case " + testCase.id() + " failed, so it cannot be scored: " + e.getMessage(), e);
        }
    }

    private static String shape(QueryResult result) {
        return result.rows().size() + " rows of " + result.columns().size() + " columns";
    }
}
