package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlExampleTest {

    @Test
    void readsTheEightyFourSpiderQuestions() {
        List<SqlExample> examples = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.SQLITE);

        assertThat(examples).hasSize(84);
        assertThat(examples.get(0))
                .isEqualTo(new SqlExample("How many albums are there?", "SELECT count(*) FROM ALBUM"));
    }

    @Test
    void keepsDoubleQuotedLiteralsForSqlite() {
        List<SqlExample> examples = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.SQLITE);

        assertThat(examples.get(4).goldSql()).isEqualTo("SELECT * FROM CUSTOMER WHERE State  =  \"NY\"");
    }

    @Test
    void rewritesDoubleQuotedLiteralsForPostgres() {
        List<SqlExample> examples = SqlExample.readSpider(Chinook.spiderQuestions(), SqlDialect.POSTGRESQL);

        assertThat(examples.get(4).goldSql()).isEqualTo("SELECT * FROM CUSTOMER WHERE State  =  'NY'");
    }

    @Test
    void escapesQuotesInsideRewrittenLiterals() {
        assertThat(SqlExample.singleQuoted("SELECT 1 WHERE a = \"O'Brien\""))
                .isEqualTo("SELECT 1 WHERE a = 'O''Brien'");
    }

    @Test
    void namesTheEntryThatIsNotAQuestion(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("q.json"), "[{\"question\":\"q\",\"query\":\"SELECT 1\"},{\"question\":\"q\"}]");

        assertThatThrownBy(() -> SqlExample.readSpider(file, SqlDialect.SQLITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 1 of " + file + " lacks the string fields \"question\" and \"query\": is this a"
                        + " Spider question file?");
    }
}
