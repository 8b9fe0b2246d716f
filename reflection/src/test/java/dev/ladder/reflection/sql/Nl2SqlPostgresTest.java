package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.core.testsupport.Servers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Nl2SqlPostgresTest {
    private static final SqlExample ALBUMS = new SqlExample("How many albums are there?", "SELECT count(*) FROM ALBUM");

    @TempDir
    static Path dir;

    static String url;
    static SqlDatabase database;
    static List<SqlExample> spider;

    @BeforeAll
    static void loadChinook() throws SQLException {
        url = Servers.postgresUrl();
        PostgresChinook.load(url, Chinook.copy(dir));
        database = SqlDatabase.builder(SqlDialect.POSTGRESQL, ConnectionSource.of(url))
                .schema(PostgresChinook.SCHEMA)
                .build();
        spider = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.POSTGRESQL);
    }

    @AfterAll
    static void dropChinook() throws SQLException {
        if (url != null) {
            PostgresChinook.drop(url);
        }
    }

    @Test
    void feedsTheRealPostgresErrorBack() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS), 3);

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask(ALBUMS.question());

        assertThat(result.trace().attempts().get(0).verdict().feedback())
                .isEqualTo("The PostgreSQL database returned an error: ERROR: relation \"albums\" does not exist\n"
                        + "  Position: 22");
        assertThat(result.result().rows()).containsExactly(List.of(347L));
    }

    @Test
    void correctsAGroupByThatPostgresRejects() {
        String question = "What is the name of the media type that is least common across all tracks?";
        ScriptedChatModel model = ScriptedChatModel.create()
                .replies(
                        "```sql\nSELECT T1.Name FROM MEDIATYPE AS T1 JOIN TRACK AS T2 ON T1.MediaTypeId = T2.MediaTypeId"
                                + " GROUP BY T2.MediaTypeId ORDER BY COUNT(*) ASC LIMIT 1\n```",
                        "```sql\nSELECT T1.Name FROM MEDIATYPE AS T1 JOIN TRACK AS T2 ON T1.MediaTypeId = T2.MediaTypeId"
                                + " GROUP BY T1.Name ORDER BY COUNT(*) ASC LIMIT 1\n```");

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask(question);

        assertThat(result.trace().attempts().get(0).verdict().feedback())
                .isEqualTo("The PostgreSQL database returned an error: ERROR: column \"t1.name\" must appear in the"
                        + " GROUP BY clause or be used in an aggregate function\n  Position: 8");
        assertThat(result.result().rows()).containsExactly(List.of("Purchased AAC audio file"));
    }

    @Test
    void describesTheSchemaFromPostgresMetadata() {
        String description = database.describe(new SchemaOptions(name -> name.equals("invoiceline"), 1));

        assertThat(description)
                .isEqualTo("invoiceline(invoicelineid INT4 PRIMARY KEY, invoiceid INT4 REFERENCES invoice(invoiceid),"
                        + " trackid INT4 REFERENCES track(trackid), unitprice NUMERIC(10,2), quantity INT4)\n"
                        + "  sample rows: (1, 1, 2, 0.99, 1)\n");
    }

    @Test
    void reflectionFixesTheQueriesPostgresRejects() {
        ScriptedChatModel model = WrongThenRightAuthor.model(spider, 4 * spider.size());

        EvaluationReport report = SqlEvaluation.builder(model, database).build().run(spider);

        assertThat(report.summary()).isEqualTo("plain 45/70 (64.3%), reflection 62/70 (88.6%), 14 gold errors");
    }

    @Test
    void returnsPostgresNumericsAsBigDecimal() {
        QueryResult result = database.query("SELECT avg(unitprice) FROM track");

        assertThat(result.rows().get(0).get(0)).isInstanceOf(BigDecimal.class);
    }
}
