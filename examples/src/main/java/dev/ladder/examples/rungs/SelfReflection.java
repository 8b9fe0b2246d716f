package dev.ladder.examples.rungs;

import dev.ladder.core.ChatModel;
import dev.ladder.examples.Models;
import dev.ladder.reflection.Attempt;
import dev.ladder.reflection.sql.Nl2Sql;
import dev.ladder.reflection.sql.Nl2SqlResult;
import dev.ladder.reflection.sql.SchemaOptions;
import dev.ladder.reflection.sql.SqlDatabase;
import dev.ladder.reflection.sql.SqlExtractor;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Rung 2, self-reflection: questions about the Chinook music store answered in SQL that corrects
 * itself. {@link Nl2Sql} describes the schema to the model, runs each query it writes on a
 * read-only copy of the database, and when the database answers with an error, feeds that error
 * back for another attempt. The program prints every attempt, the error fed back, and the rows of
 * the query that ran.
 *
 * <p>Run from the repository root (questions may follow as arguments):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.SelfReflection
 * </pre>
 *
 * <p>Without a model configured (see {@link Models}) it prints the schema description the model
 * would be given.
 */
public final class SelfReflection {
    static final List<String> QUESTIONS = List.of(
            "What were the total sales in each year?",
            "Which three artists have the most tracks in the Rock genre?",
            "Which sales support agent looks after the customers who spent the most in total?");

    /** Table descriptions with one sample row each, so the model sees how values are written. */
    static final SchemaOptions SCHEMA = new SchemaOptions(table -> true, 1);

    private SelfReflection() {}

    public static void main(String[] args) {
        run(Models.fromEnv(), args.length > 0 ? List.of(args) : QUESTIONS, System.out);
    }

    /** Prints the schema description, then, given a model, answers each question with reflection. */
    static void run(Optional<ChatModel> model, List<String> questions, PrintStream out) {
        SqlDatabase chinook = SqlDatabase.sqlite(ExampleSupport.chinookCopy()); // opened read-only
        if (model.isEmpty()) {
            out.println("Schema description every prompt carries:");
            out.println(chinook.describe(SCHEMA));
            out.println(Models.HOW_TO_CONFIGURE);
            return;
        }
        Nl2Sql nl2sql = Nl2Sql.builder(model.get(), chinook)
                .schemaOptions(SCHEMA)
                .maxAttempts(3)
                .build();
        for (String question : questions) {
            out.println("Q: " + question);
            print(nl2sql.ask(question), out);
        }
    }

    private static void print(Nl2SqlResult answer, PrintStream out) {
        for (Attempt attempt : answer.trace().attempts()) {
            String sql = SqlExtractor.extract(attempt.output()).orElse("(no SQL in the answer)");
            out.printf("  attempt %d: %s%n", attempt.number(), sql.replaceAll("\\s+", " "));
            if (!attempt.passed()) {
                out.println("    fed back: " + attempt.verdict().feedback());
            }
        }
        if (answer.succeeded()) {
            out.println("  columns: " + String.join(", ", answer.result().columns()));
            out.println("  rows: " + ExampleSupport.rows(answer.result(), 10));
        } else {
            out.println("  no query ran; stopped because " + answer.trace().stopReason());
        }
        out.printf("  tokens: %d%n", answer.trace().usage().totalTokens());
    }
}
