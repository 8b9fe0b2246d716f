package dev.ladder.reflection.sql;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures whether reflection pays off: runs each (question, gold SQL) pair through plain prompting
 * (one attempt) and through reflection, which goes on from that same first attempt, and scores
 * execution accuracy, comparing each answer's rows with the gold query's rows, order-insensitive
 * unless the gold query has an ORDER BY.
 *
 * <p>Immutable and thread-safe when the model and database are; examples run one after another.
 */
public final class SqlEvaluation {
    private static final Logger log = LoggerFactory.getLogger(SqlEvaluation.class);

    private final SqlDatabase database;
    private final Nl2Sql plain;
    private final Nl2Sql reflective;

    private SqlEvaluation(Builder builder) {
        this.database = builder.database;
        String schema = builder.database.describe(builder.schemaOptions);
        this.plain = nl2sql(builder, schema).maxAttempts(1).build();
        this.reflective =
                nl2sql(builder, schema).maxAttempts(builder.maxAttempts).build();
    }

    /** Returns a builder for an evaluation of {@code model} on {@code database}. */
    public static Builder builder(ChatModel model, SqlDatabase database) {
        return new Builder(model, database);
    }

    /**
     * Runs the 84 Spider questions over Chinook: {@code questions} is
     * {@code spider-chinook/chinook_1_train_questions.json} and {@code chinook} the Chinook SQLite
     * file, opened read-only. Reflection gets {@code maxAttempts} attempts.
     *
     * @throws IllegalArgumentException when a file is missing or not what it should be.
     * @throws dev.ladder.reflection.ReflectionFailedException when a model call fails.
     */
    public static EvaluationReport spiderChinook(ChatModel model, Path questions, Path chinook, int maxAttempts) {
        SqlDatabase database = SqlDatabase.sqlite(chinook);
        List<SqlExample> examples = SqlExample.readSpider(questions, SqlDialect.SQLITE);
        return builder(model, database).maxAttempts(maxAttempts).build().run(examples);
    }

    /**
     * Runs every example through both strategies and scores them.
     *
     * @throws dev.ladder.reflection.ReflectionFailedException when a model call fails.
     * @throws SqlExecutionException when the database cannot be reached.
     */
    public EvaluationReport run(List<SqlExample> examples) {
        List<ExampleOutcome> outcomes = new ArrayList<>();
        for (SqlExample example : examples) {
            ExampleOutcome outcome = evaluate(example);
            log.debug(
                    "{} plain={} reflection={}",
                    example.question(),
                    outcome.plainCorrect(),
                    outcome.reflectionCorrect());
            outcomes.add(outcome);
        }
        return new EvaluationReport(outcomes);
    }

    private ExampleOutcome evaluate(SqlExample example) {
        Nl2SqlResult plainAnswer = plain.ask(example.question());
        // Reflection starts from the plain answer, so both strategies are judged on the same first
        // query and sampling noise in a second first attempt cannot blur the difference.
        Nl2SqlResult reflectedAnswer = reflective.continueFrom(plainAnswer);
        QueryResult gold;
        try {
            gold = database.query(example.goldSql());
        } catch (SqlExecutionException | SqlRejectedException e) {
            return new ExampleOutcome(example, e.getMessage(), plainAnswer, reflectedAnswer, false, false);
        }
        boolean ordered = ResultComparison.orders(example.goldSql(), database.dialect());
        return new ExampleOutcome(
                example,
                null,
                plainAnswer,
                reflectedAnswer,
                matches(gold, plainAnswer, ordered),
                matches(gold, reflectedAnswer, ordered));
    }

    private static boolean matches(QueryResult gold, Nl2SqlResult answer, boolean ordered) {
        return answer.succeeded() && ResultComparison.sameResult(gold, answer.result(), ordered);
    }

    private static Nl2Sql.Builder nl2sql(Builder builder, String schema) {
        return Nl2Sql.builder(builder.model, builder.database)
                .schemaDescription(schema)
                .reflectOnEmptyResult(builder.reflectOnEmptyResult)
                .requestOptions(builder.requestOptions);
    }

    /** Builds a {@link SqlEvaluation}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private final SqlDatabase database;
        private int maxAttempts = 3;
        private boolean reflectOnEmptyResult;
        private SchemaOptions schemaOptions = SchemaOptions.ALL_TABLES;
        private UnaryOperator<ChatRequest.Builder> requestOptions = UnaryOperator.identity();

        private Builder(ChatModel model, SqlDatabase database) {
            this.model = Objects.requireNonNull(model, "model");
            this.database = Objects.requireNonNull(database, "database");
        }

        /** Sets how many attempts reflection gets per question; at least 2, 3 unless set. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 2) {
                throw new IllegalArgumentException(
                        "reflection needs at least 2 attempts to differ from plain prompting, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets whether reflection also retries queries that return no rows; false unless set. */
        public Builder reflectOnEmptyResult(boolean reflect) {
            this.reflectOnEmptyResult = reflect;
            return this;
        }

        /** Sets what the schema description in the prompt holds; all tables unless set. */
        public Builder schemaOptions(SchemaOptions schemaOptions) {
            this.schemaOptions = Objects.requireNonNull(schemaOptions, "schemaOptions");
            return this;
        }

        /** Sets request options (model name, temperature...) applied to every request. */
        public Builder requestOptions(UnaryOperator<ChatRequest.Builder> requestOptions) {
            this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions");
            return this;
        }

        /**
         * Returns the evaluation, reading the schema description once.
         *
         * @throws SqlExecutionException when the schema cannot be read.
         */
        public SqlEvaluation build() {
            return new SqlEvaluation(this);
        }
    }
}
