package dev.ladder.reflection.sql;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.reflection.Attempt;
import dev.ladder.reflection.ReflectionLoop;
import dev.ladder.reflection.ReflectionPrompt;
import dev.ladder.reflection.ReflectionResult;
import dev.ladder.reflection.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Answers questions about a database with SQL that corrects itself: the model writes a query, the
 * query runs read-only, and a database error (or, if asked, an empty result) goes back to the model
 * until the query runs or the attempts run out.
 *
 * <p>The schema description is read once, when the instance is built. With {@code maxAttempts(1)} this
 * is plain prompting, the baseline reflection is measured against. Immutable and thread-safe when the
 * model and the database's connection source are.
 */
public final class Nl2Sql {
    private final ChatModel model;
    private final SqlDatabase database;
    private final String schemaDescription;
    private final String systemPrompt;
    private final ReflectionPrompt reflectionPrompt;
    private final int maxAttempts;
    private final long tokenBudget;
    private final boolean reflectOnEmptyResult;
    private final UnaryOperator<ChatRequest.Builder> requestOptions;

    private Nl2Sql(Builder builder, String schemaDescription) {
        this.model = builder.model;
        this.database = builder.database;
        this.schemaDescription = schemaDescription;
        this.systemPrompt = builder.systemPrompt != null ? builder.systemPrompt : defaultSystemPrompt(database);
        this.reflectionPrompt = builder.reflectionPrompt;
        this.maxAttempts = builder.maxAttempts;
        this.tokenBudget = builder.tokenBudget;
        this.reflectOnEmptyResult = builder.reflectOnEmptyResult;
        this.requestOptions = builder.requestOptions;
    }

    /** Returns a builder for questions to {@code database} answered by {@code model}. */
    public static Builder builder(ChatModel model, SqlDatabase database) {
        return new Builder(model, database);
    }

    /** Returns the schema description every prompt carries. */
    public String schemaDescription() {
        return schemaDescription;
    }

    /**
     * Answers {@code question}, reflecting on database errors.
     *
     * @throws dev.ladder.reflection.ReflectionFailedException when a model call fails, with the
     *     attempts made before it.
     * @throws SqlExecutionException when the database cannot be reached.
     */
    public Nl2SqlResult ask(String question) {
        Objects.requireNonNull(question, "question");
        return run(question, task(question), List.of(), null, null);
    }

    /**
     * Goes on reflecting where {@code earlier} stopped, for example on a one-shot answer from an
     * instance built with {@code maxAttempts(1)}: its attempts count towards this instance's limits,
     * and when its last query passed, or no attempt is left, it is returned with no model call.
     * Both instances should use the same model and database.
     *
     * @throws dev.ladder.reflection.ReflectionFailedException when a model call fails, with every
     *     attempt so far.
     * @throws SqlExecutionException when the database cannot be reached.
     */
    public Nl2SqlResult continueFrom(Nl2SqlResult earlier) {
        Objects.requireNonNull(earlier, "earlier");
        ReflectionResult trace = earlier.trace();
        return run(earlier.question(), trace.task(), trace.attempts(), earlier.sql(), earlier.result());
    }

    private Nl2SqlResult run(
            String question, String task, List<Attempt> earlier, String earlierSql, QueryResult earlierResult) {
        List<SqlVerifier.Outcome> outcomes = new ArrayList<>();
        SqlVerifier sql = reflectOnEmptyResult ? SqlVerifier.rejectingEmptyResults(database) : SqlVerifier.of(database);
        Verifier recording = (t, output) -> {
            SqlVerifier.Outcome outcome = sql.check(output);
            outcomes.add(outcome);
            return outcome.verdict();
        };
        ReflectionResult trace = loop(recording).continueFrom(task, earlier);
        if (outcomes.isEmpty()) {
            return new Nl2SqlResult(question, earlierSql, earlierResult, trace);
        }
        SqlVerifier.Outcome last = outcomes.get(outcomes.size() - 1);
        return new Nl2SqlResult(question, last.sql(), last.result(), trace);
    }

    private ReflectionLoop loop(Verifier verifier) {
        ReflectionLoop.Builder loop = ReflectionLoop.builder(model, verifier)
                .systemPrompt(systemPrompt)
                .reflectionPrompt(reflectionPrompt)
                .maxAttempts(maxAttempts)
                .requestOptions(requestOptions);
        if (tokenBudget != Long.MAX_VALUE) {
            loop.tokenBudget(tokenBudget);
        }
        return loop.build();
    }

    private String task(String question) {
        return "Database schema:\n" + schemaDescription + "\nQuestion: " + question + "\n\nWrite one "
                + database.dialect().displayName()
                + " query that answers the question. Reply with the query in a ```sql code block.";
    }

    private static String defaultSystemPrompt(SqlDatabase database) {
        return "You translate questions into SQL for a " + database.dialect().displayName()
                + " database. Use only the tables and columns of the schema you are given. Write read-only"
                + " queries.";
    }

    /** Builds an {@link Nl2Sql}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private final SqlDatabase database;
        private SchemaOptions schemaOptions = SchemaOptions.ALL_TABLES;
        private String schemaDescription;
        private String systemPrompt;
        private ReflectionPrompt reflectionPrompt = ReflectionPrompt.DEFAULT;
        private int maxAttempts = 3;
        private long tokenBudget = Long.MAX_VALUE;
        private boolean reflectOnEmptyResult;
        private UnaryOperator<ChatRequest.Builder> requestOptions = UnaryOperator.identity();

        private Builder(ChatModel model, SqlDatabase database) {
            this.model = Objects.requireNonNull(model, "model");
            this.database = Objects.requireNonNull(database, "database");
        }

        /** Sets which tables, and how many sample rows, the schema description holds; all tables unless set. */
        public Builder schemaOptions(SchemaOptions schemaOptions) {
            this.schemaOptions = Objects.requireNonNull(schemaOptions, "schemaOptions");
            return this;
        }

        /** Uses {@code description} instead of reading the schema from the database. */
        public Builder schemaDescription(String description) {
            this.schemaDescription = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Replaces the system prompt, which by default names the dialect. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
            return this;
        }

        /** Replaces the prompt that feeds the error back; {@link ReflectionPrompt#DEFAULT} unless set. */
        public Builder reflectionPrompt(ReflectionPrompt reflectionPrompt) {
            this.reflectionPrompt = Objects.requireNonNull(reflectionPrompt, "reflectionPrompt");
            return this;
        }

        /** Sets how many queries the model may write per question, 1 for plain prompting; 3 unless set. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Stops reflecting on a question once it has spent {@code tokens}; unlimited unless set. */
        public Builder tokenBudget(long tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("tokenBudget must be positive, was " + tokens);
            }
            this.tokenBudget = tokens;
            return this;
        }

        /** Sets whether a query that returns no rows is sent back for another try; false unless set. */
        public Builder reflectOnEmptyResult(boolean reflect) {
            this.reflectOnEmptyResult = reflect;
            return this;
        }

        /** Sets request options (model name, temperature...) applied to every request. */
        public Builder requestOptions(UnaryOperator<ChatRequest.Builder> requestOptions) {
            this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions");
            return this;
        }

        /**
         * Returns the instance, reading the schema description from the database unless one was given.
         *
         * @throws SqlExecutionException when the schema cannot be read.
         */
        public Nl2Sql build() {
            String description = schemaDescription != null ? schemaDescription : database.describe(schemaOptions);
            return new Nl2Sql(this, description);
        }
    }
}
