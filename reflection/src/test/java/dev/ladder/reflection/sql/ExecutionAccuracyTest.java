package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.eval.Answer;
import dev.ladder.core.eval.EvalCase;
import dev.ladder.core.eval.EvalReport;
import dev.ladder.core.eval.Evaluation;
import dev.ladder.core.eval.Score;
import dev.ladder.core.eval.Scorer;
import dev.ladder.core.testing.ScriptedChatModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionAccuracyTest {
    @TempDir
    static Path dir;

    static SqlDatabase database;
    static List<SqlExample> spider;

    @BeforeAll
    static void load() {
        database = SqlDatabase.sqlite(Chinook.copy(dir));
        spider = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.SQLITE);
    }

    @Test
    void coreHarnessComparesPlainPromptingWithReflection() {
        List<SqlExample> first = spider.subList(0, 16);
        ScriptedChatModel model = WrongThenRightAuthor.model(first, 3 * first.size());
        Nl2Sql plain = Nl2Sql.builder(model, database).maxAttempts(1).build();
        Nl2Sql reflective = Nl2Sql.builder(model, database).build();

        EvalReport report = Evaluation.builder()
                .dataset(ExecutionAccuracy.dataset("spider-chinook", first))
                .strategy("plain", ExecutionAccuracy.strategy(plain))
                .strategy("reflection", ExecutionAccuracy.strategy(reflective))
                .scorer(ExecutionAccuracy.scorer(database))
                .maxConcurrency(2)
                .build()
                .run();

        assertThat(report.summary("plain").orElseThrow().passed()).isEqualTo(10);
        assertThat(report.summary("reflection").orElseThrow().passed()).isEqualTo(14);
        assertThat(report.results("plain").get(0).reason())
                .startsWith("the answer's SQL did not run: [SQLITE_ERROR] SQL error or missing database (no such"
                        + " table: albums)");
    }

    @Test
    void passesAnAnswerWithTheGoldRowsInAnotherOrder() {
        Score score = scorer().score(
                        gold("SELECT Name FROM Genre WHERE GenreId < 4"),
                        Answer.of("SELECT Name FROM Genre WHERE GenreId < 4 ORDER BY Name DESC"));

        assertThat(score.passed()).isTrue();
    }

    @Test
    void failsAnAnswerWithOtherRowsAndSaysHow() {
        Score score = scorer().score(
                        gold("SELECT Name FROM Genre ORDER BY Name"), Answer.of("SELECT Name FROM Genre LIMIT 3"));

        assertThat(score.passed()).isFalse();
        assertThat(score.reason())
                .isEqualTo("the rows differ from the gold rows (3 rows of 1 columns instead of 25 rows of 1 columns,"
                        + " order compared)");
    }

    @Test
    void failsAnAnswerWithoutSql() {
        assertThat(scorer().score(gold("SELECT 1"), Answer.of(" ")).reason()).isEqualTo("the answer holds no SQL");
    }

    @Test
    void refusesToScoreACaseWhoseGoldSqlFails() {
        assertThatThrownBy(() -> scorer().score(gold("SELECT * FROM Albums"), Answer.of("SELECT 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gold SQL of case g failed, so it cannot be scored: [SQLITE_ERROR] SQL error or"
                        + " missing database (no such table: Albums)");
    }

    private static Scorer scorer() {
        return ExecutionAccuracy.scorer(database);
    }

    private static EvalCase gold(String sql) {
        return EvalCase.of("g", "question", sql);
    }
}
