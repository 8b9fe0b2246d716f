package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.reflection.FineTuningExport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlEvaluationSqliteTest {
    @TempDir
    static Path dir;

    static Path chinook;
    static List<SqlExample> spider;

    @BeforeAll
    static void load() {
        chinook = Chinook.copy(dir);
        spider = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.SQLITE);
    }

    @Test
    void reflectionFixesTheQueriesTheDatabaseRejects() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 4 * spider.size());

        EvaluationReport report = SqlEvaluation.spiderChinook(model, Chinook.spiderQuestions(), chinook, 3);

        assertThat(report.summary()).isEqualTo("plain 55/84 (65.5%), reflection 76/84 (90.5%), 0 gold errors");
    }

    @Test
    void reflectionOnEmptyResultsAlsoFixesWrongLiterals() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 4 * spider.size());
        SqlDatabase database = SqlDatabase.sqlite(chinook);

        EvaluationReport report = SqlEvaluation.builder(model, database)
                .reflectOnEmptyResult(true)
                .build()
                .run(spider);

        assertThat(report.summary()).isEqualTo("plain 55/84 (65.5%), reflection 80/84 (95.2%), 0 gold errors");
    }

    @Test
    void scoresEachExampleAgainstTheGoldRows() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 12);
        SqlDatabase database = SqlDatabase.sqlite(chinook);

        EvaluationReport report = SqlEvaluation.builder(model, database).build().run(spider.subList(0, 2));

        ExampleOutcome first = report.outcomes().get(0);
        assertThat(first.plain().sql()).isEqualTo("SELECT count(*) FROM albums");
        assertThat(first.plainCorrect()).isFalse();
        assertThat(first.reflection().sql()).isEqualTo("SELECT count(*) FROM ALBUM");
        assertThat(first.reflectionCorrect()).isTrue();
        assertThat(report.outcomes().get(1).plainCorrect()).isTrue();
    }

    @Test
    void reflectionReusesThePlainAttemptInsteadOfAskingAgain() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 12);
        SqlDatabase database = SqlDatabase.sqlite(chinook);

        EvaluationReport report = SqlEvaluation.builder(model, database).build().run(spider.subList(0, 2));

        assertThat(model.requests()).hasSize(3);
        assertThat(report.outcomes().get(0).reflection().trace().attempts().get(0))
                .isEqualTo(report.outcomes().get(0).plain().trace().attempts().get(0));
    }

    @Test
    void correctedQueriesBecomePreferencePairs() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 12);
        SqlDatabase database = SqlDatabase.sqlite(chinook);

        EvaluationReport report = SqlEvaluation.builder(model, database).build().run(spider.subList(0, 2));

        List<String> pairs = FineTuningExport.dpoLines(report.reflectionTraces());
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0))
                .contains(
                        "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"Here is the query:\\n\\n```sql\\n"
                                + "SELECT count(*) FROM ALBUM;\\n```\\n\"}]");
    }
}
