package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.reflection.StopReason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Nl2SqlSqliteTest {
    private static final SqlExample ALBUMS = new SqlExample("How many albums are there?", "SELECT count(*) FROM ALBUM");
    private static final SqlExample CALGARY = new SqlExample(
            "What are the first names of employees in Calgary?",
            "SELECT FirstName FROM EMPLOYEE WHERE City = 'Calgary'");

    @TempDir
    static Path dir;

    static SqlDatabase database;

    @BeforeAll
    static void copyChinook() {
        database = SqlDatabase.sqlite(Chinook.copy(dir));
    }

    @Test
    void correctsItsQueryFromTheDatabaseError() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS), 3);

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask(ALBUMS.question());

        assertThat(result.sql()).isEqualTo("SELECT count(*) FROM ALBUM");
        assertThat(result.result().rows()).containsExactly(List.of(347));
        assertThat(result.trace().attempts()).hasSize(2);
    }

    @Test
    void feedsTheRealSqliteErrorBack() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS), 3);

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask(ALBUMS.question());

        assertThat(result.trace().attempts().get(0).verdict().feedback())
                .isEqualTo("The SQLite database returned an error: [SQLITE_ERROR] SQL error or missing database (no"
                        + " such table: albums)");
        assertThat(lastUserText(model)).contains("SELECT count(*) FROM albums;");
    }

    @Test
    void plainPromptingKeepsTheFailedQuery() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS), 1);

        Nl2SqlResult result =
                Nl2Sql.builder(model, database).maxAttempts(1).build().ask(ALBUMS.question());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.sql()).isEqualTo("SELECT count(*) FROM albums");
        assertThat(result.trace().stopReason()).isEqualTo(StopReason.MAX_ATTEMPTS);
    }

    @Test
    void reflectionContinuesFromAPlainAnswer() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS), 2);
        Nl2SqlResult plain =
                Nl2Sql.builder(model, database).maxAttempts(1).build().ask(ALBUMS.question());

        Nl2SqlResult reflected = Nl2Sql.builder(model, database).build().continueFrom(plain);

        assertThat(reflected.trace().attempts().get(0))
                .isEqualTo(plain.trace().attempts().get(0));
        assertThat(reflected.sql()).isEqualTo("SELECT count(*) FROM ALBUM");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void continuingFromAPassedAnswerKeepsItsRows() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("SELECT count(*) FROM Genre");
        Nl2SqlResult plain =
                Nl2Sql.builder(model, database).maxAttempts(1).build().ask("How many genres?");

        Nl2SqlResult reflected = Nl2Sql.builder(model, database).build().continueFrom(plain);

        assertThat(reflected.result()).isEqualTo(plain.result());
        assertThat(reflected.trace().attempts()).hasSize(1);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void acceptsAnEmptyResultByDefault() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS, ALBUMS, CALGARY), 3);

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask(CALGARY.question());

        assertThat(result.sql()).isEqualTo("SELECT FirstName FROM EMPLOYEE WHERE City = 'calgary'");
        assertThat(result.result().isEmpty()).isTrue();
    }

    @Test
    void reflectsOnAnEmptyResultWhenAsked() {
        ScriptedChatModel model = WrongThenRightAuthor.model(List.of(ALBUMS, ALBUMS, CALGARY), 3);

        Nl2SqlResult result = Nl2Sql.builder(model, database)
                .reflectOnEmptyResult(true)
                .build()
                .ask(CALGARY.question());

        assertThat(result.sql()).isEqualTo("SELECT FirstName FROM EMPLOYEE WHERE City = 'Calgary'");
        assertThat(result.result().rows())
                .containsExactlyInAnyOrder(
                        List.of("Nancy"), List.of("Jane"), List.of("Margaret"), List.of("Steve"), List.of("Michael"));
    }

    @Test
    void feedsARefusalBackInsteadOfRunningIt() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .replies(
                        "```sql\nSELECT count(*) FROM Album; DELETE FROM Album\n```",
                        "```sql\nSELECT count(*) FROM Album\n```");

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask("How many albums are there?");

        assertThat(result.trace().attempts().get(0).verdict().feedback())
                .isEqualTo("The query was refused before it ran, more than one statement (a ';' at position 26 is"
                        + " followed by more SQL). Write a single read-only SELECT query.");
        assertThat(result.result().rows()).containsExactly(List.of(347));
    }

    @Test
    void asksAgainWhenTheAnswerHoldsNoSql() {
        ScriptedChatModel model =
                ScriptedChatModel.create().replies("I would need to know the schema.", "SELECT count(*) FROM Album");

        Nl2SqlResult result = Nl2Sql.builder(model, database).build().ask("How many albums are there?");

        assertThat(result.trace().attempts().get(0).verdict().feedback())
                .isEqualTo("No SQL query was found in the answer. Reply with one SQLite query in a ```sql code block.");
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void promptCarriesTheSchemaAndTheQuestion() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("SELECT 1");

        Nl2Sql.builder(model, database)
                .schemaOptions(new SchemaOptions(name -> name.equals("Genre"), 0))
                .build()
                .ask("Which genres are there?");

        assertThat(lastUserText(model))
                .isEqualTo("Database schema:\nGenre(GenreId INTEGER PRIMARY KEY, Name NVARCHAR(120))\n\n"
                        + "Question: Which genres are there?\n\n"
                        + "Write one SQLite query that answers the question. Reply with the query in a ```sql code"
                        + " block.");
    }

    private static String lastUserText(ScriptedChatModel model) {
        List<dev.ladder.core.Message> messages = model.lastRequest().messages();
        return ((UserMessage) messages.get(messages.size() - 1)).text();
    }
}
