package dev.ladder.reflection.sql;

import dev.ladder.reflection.Verdict;
import dev.ladder.reflection.Verifier;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a model's answer by running the SQL in it: the answer passes when its query runs, and
 * fails with the database's own error message when it does not, which is the hint the model needs.
 *
 * <p>Optionally an empty result fails too, for questions that are known to have an answer. Queries
 * run through {@link SqlDatabase#query}, behind both safety walls. Immutable and thread-safe.
 */
public final class SqlVerifier implements Verifier {
    private final SqlDatabase database;
    private final boolean rejectEmpty;

    private SqlVerifier(SqlDatabase database, boolean rejectEmpty) {
        this.database = Objects.requireNonNull(database, "database");
        this.rejectEmpty = rejectEmpty;
    }

    /** Returns a verifier that passes any query that runs, including one that returns no rows. */
    public static SqlVerifier of(SqlDatabase database) {
        return new SqlVerifier(database, false);
    }

    /** Returns a verifier that also fails a query that runs but returns no rows. */
    public static SqlVerifier rejectingEmptyResults(SqlDatabase database) {
        return new SqlVerifier(database, true);
    }

    /**
     * Extracts the SQL from {@code output}, runs it and judges the outcome.
     *
     * @throws SqlExecutionException only when the database cannot be reached at all; a query the
     *     database rejects is a failing verdict.
     */
    @Override
    public Verdict verify(String task, String output) {
        return check(output).verdict();
    }

    /** The verdict together with what ran, so that callers need not run the query twice. */
    record Outcome(Verdict verdict, String sql, QueryResult result) {}

    Outcome check(String output) {
        Optional<String> sql = SqlExtractor.extract(output);
        if (sql.isEmpty()) {
            return new Outcome(
                    Verdict.fail("No SQL query was found in the answer. Reply with one "
                            + database.dialect().displayName() + " query in a ```sql code block."),
                    null,
                    null);
        }
        try {
            QueryResult result = database.query(sql.get());
            return new Outcome(judge(result), sql.get(), result);
        } catch (SqlRejectedException e) {
            return new Outcome(
                    Verdict.fail("The query was refused before it ran, " + e.reason()
                            + ". Write a single read-only SELECT query."),
                    sql.get(),
                    null);
        } catch (SqlExecutionException e) {
            if (e.sqlState() != null && e.sqlState().startsWith("08")) {
                throw e;
            }
            return new Outcome(
                    Verdict.fail("The " + database.dialect().displayName() + " database returned an error: "
                            + e.getMessage()),
                    sql.get(),
                    null);
        }
    }

    private Verdict judge(QueryResult result) {
        if (rejectEmpty && result.isEmpty()) {
            return Verdict.fail("The query ran but returned no rows. Check the values in the filters against"
                    + " the data (spelling, case, date format) and check the joins.");
        }
        return Verdict.pass();
    }
}
