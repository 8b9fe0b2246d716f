package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlVerifierTest {

    @Test
    void passesAQueryThatRuns(@TempDir Path dir) {
        SqlVerifier verifier = SqlVerifier.of(SqlDatabase.sqlite(Chinook.copy(dir)));

        assertThat(verifier.verify("How many genres?", "SELECT count(*) FROM Genre")
                        .passed())
                .isTrue();
    }

    @Test
    void failsAnEmptyResultOnlyWhenAsked(@TempDir Path dir) {
        SqlDatabase database = SqlDatabase.sqlite(Chinook.copy(dir));
        String none = "SELECT Name FROM Genre WHERE Name = 'polka'";

        assertThat(SqlVerifier.of(database).verify("task", none).passed()).isTrue();
        assertThat(SqlVerifier.rejectingEmptyResults(database)
                        .verify("task", none)
                        .feedback())
                .isEqualTo("The query ran but returned no rows. Check the values in the filters against the data"
                        + " (spelling, case, date format) and check the joins.");
    }

    @Test
    void throwsWhenTheDatabaseCannotBeReachedInsteadOfBlamingTheModel() {
        SqlDatabase unreachable = SqlDatabase.builder(SqlDialect.POSTGRESQL, () -> {
                    throw new SQLException("Connection to 127.0.0.1:1 refused", "08001");
                })
                .build();

        assertThatThrownBy(() -> SqlVerifier.of(unreachable).verify("task", "SELECT 1"))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage("Connection to 127.0.0.1:1 refused");
    }
}
