package dev.ladder.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcDialectTest {

    @Test
    void sqliteFileIsLockedInAFileBesideIt() {
        assertThat(JdbcDialect.sqliteLockFile("jdbc:sqlite:/data/runs.db"))
                .isEqualTo(Path.of("/data/runs.db.ladder-lock"));
    }

    @Test
    void sqliteFileUrlWithParametersIsLockedBesideTheFile() {
        assertThat(JdbcDialect.sqliteLockFile("jdbc:sqlite:file:/data/runs.db?journal_mode=WAL"))
                .isEqualTo(Path.of("/data/runs.db.ladder-lock"));
    }

    @Test
    void inMemorySqliteDatabasesNeedNoLockFile() {
        assertThat(JdbcDialect.sqliteLockFile("jdbc:sqlite::memory:")).isNull();
        assertThat(JdbcDialect.sqliteLockFile("jdbc:sqlite:")).isNull();
        assertThat(JdbcDialect.sqliteLockFile("jdbc:sqlite:file:shared?mode=memory&cache=shared"))
                .isNull();
    }

    @Test
    void unsupportedUrlIsRejectedWithThePasswordHidden() {
        assertThatThrownBy(() -> JdbcDialect.of("jdbc:mysql://db/x?user=a&password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL 'jdbc:mysql://db/x?user=a&password=***' is not supported:"
                        + " use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
    }
}
