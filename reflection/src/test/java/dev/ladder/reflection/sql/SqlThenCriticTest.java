package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.reflection.CriticVerifier;
import dev.ladder.reflection.ReflectionLoop;
import dev.ladder.reflection.ReflectionResult;
import dev.ladder.reflection.Verifier;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlThenCriticTest {
    @TempDir
    static Path dir;

    static SqlDatabase database;

    @BeforeAll
    static void copyChinook() {
        database = SqlDatabase.sqlite(Chinook.copy(dir));
    }

    @Test
    void criticIsNotAskedAboutAQueryTheDatabaseRejects() {
        ScriptedChatModel author =
                ScriptedChatModel.create().replies("SELECT count(*) FROM albums", "SELECT count(*) FROM Album");
        ScriptedChatModel critic = ScriptedChatModel.create().reply("APPROVED");
        Verifier executorThenCritic = Verifier.allOf(SqlVerifier.of(database), CriticVerifier.of(critic));

        ReflectionResult result =
                ReflectionLoop.builder(author, executorThenCritic).build().run("How many albums?");

        assertThat(result.output()).isEqualTo("SELECT count(*) FROM Album");
        assertThat(critic.requests()).hasSize(1);
    }

    @Test
    void criticCatchesAQueryThatRunsButAnswersTheWrongQuestion() {
        ScriptedChatModel author =
                ScriptedChatModel.create().replies("SELECT count(*) FROM Artist", "SELECT count(*) FROM Album");
        ScriptedChatModel critic = ScriptedChatModel.create()
                .replies("The question asks for albums, but the query counts artists.", "APPROVED");
        Verifier executorThenCritic = Verifier.allOf(SqlVerifier.of(database), CriticVerifier.of(critic));

        ReflectionResult result =
                ReflectionLoop.builder(author, executorThenCritic).build().run("How many albums?");

        assertThat(result.attempts().get(0).verdict().feedback())
                .isEqualTo("The question asks for albums, but the query counts artists.");
        assertThat(result.output()).isEqualTo("SELECT count(*) FROM Album");
    }
}
