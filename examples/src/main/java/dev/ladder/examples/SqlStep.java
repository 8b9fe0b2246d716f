package dev.ladder.examples;

import dev.ladder.core.ChatModel;
import dev.ladder.reflection.Attempt;
import dev.ladder.reflection.sql.Nl2Sql;
import dev.ladder.reflection.sql.Nl2SqlResult;
import dev.ladder.reflection.sql.QueryResult;
import dev.ladder.reflection.sql.SchemaOptions;
import dev.ladder.reflection.sql.SqlDatabase;
import dev.ladder.reflection.sql.SqlExtractor;
import dev.ladder.reflection.sql.SqlRejectedException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The demo's self-reflection step: the Chinook database opened read-only, its schema described for a
 * prompt, hostile statements refused before they run, a safe query, and with a model a question
 * answered by SQL that corrects itself from the database's errors.
 */
final class SqlStep {
    static final List<String> HOSTILE = List.of(
            "DROP TABLE Album",
            "SELECT 1; DELETE FROM Track",
            "WITH doomed AS (SELECT TrackId FROM Track) DELETE FROM Track WHERE TrackId IN doomed");
    static final String SAFE_QUERY = "SELECT ar.Name AS Artist, COUNT(*) AS Albums FROM Artist ar"
            + " JOIN Album al ON al.ArtistId = ar.ArtistId GROUP BY ar.ArtistId ORDER BY Albums DESC, ar.Name LIMIT 5";
    static final String QUESTION = "Which five genres earned the most from sales, and how much did each earn?";

    private final Optional<ChatModel> model;
    private final SqlDatabase chinook;
    private final PrintStream out;

    SqlStep(Optional<ChatModel> model, SqlDatabase chinook, PrintStream out) {
        this.model = model;
        this.chinook = chinook;
        this.out = out;
    }

    void run() {
        out.println("Schema description, as every NL2SQL prompt carries it:");
        chinook.describe(SchemaOptions.ALL_TABLES).lines().forEach(line -> out.println("  " + line));

        out.println();
        out.println("Untrusted SQL meets the first wall (checked before anything reaches SQLite):");
        for (String statement : HOSTILE) {
            out.println("  " + statement);
            out.println("    " + attempt(statement));
        }
        out.println("Rows in Track afterwards: "
                + chinook.query("SELECT COUNT(*) FROM Track").rows().get(0).get(0));

        out.println();
        out.println("A safe query runs: " + SAFE_QUERY);
        print(chinook.query(SAFE_QUERY));

        model.ifPresent(this::nl2sql);
    }

    private String attempt(String statement) {
        try {
            QueryResult result = chinook.query(statement);
            return "RAN, returning " + result.rows().size() + " rows";
        } catch (SqlRejectedException e) {
            return "refused: " + e.reason();
        }
    }

    private void nl2sql(ChatModel chatModel) {
        out.println();
        out.println("NL2SQL with reflection: " + QUESTION);
        Nl2SqlResult answer =
                Nl2Sql.builder(chatModel, chinook).maxAttempts(3).build().ask(QUESTION);
        for (Attempt attempt : answer.trace().attempts()) {
            String sql = SqlExtractor.extract(attempt.output())
                    .orElse("(no SQL in the model's answer: " + oneLine(attempt.output()) + ")");
            out.println("  attempt " + attempt.number() + ": " + oneLine(sql));
            out.println(
                    attempt.passed()
                            ? "    ran without error"
                            : "    fed back to the model: "
                                    + oneLine(attempt.verdict().feedback()));
        }
        out.println("  stopped: " + answer.trace().stopReason() + ", tokens "
                + answer.trace().usage().inputTokens() + " in, "
                + answer.trace().usage().outputTokens() + " out");
        if (answer.succeeded()) {
            out.println("  final SQL: " + oneLine(answer.sql()));
            print(answer.result());
        } else {
            out.println("  no query ran successfully within "
                    + answer.trace().attempts().size() + " attempts");
        }
    }

    private void print(QueryResult result) {
        Table table = Table.withMaxWidth(40, result.columns());
        result.rows().forEach(table::row);
        out.print(table.render());
        if (result.truncated()) {
            out.println("  (more rows than the cap of " + chinook.maxRows() + "; the rest were not read)");
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
