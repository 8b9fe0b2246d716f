package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostileStatementsSqliteTest {
    @TempDir
    static Path dir;

    static Path file;
    static SqlDatabase database;

    @BeforeAll
    static void copyChinook() {
        file = Chinook.copy(dir);
        database = SqlDatabase.sqlite(file);
    }

    static List<String> hostile() {
        return HostileStatements.forSqlite();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void checkRefusesHostileStatementBeforeItRuns(String sql) {
        assertThatThrownBy(() -> database.query(sql)).isInstanceOf(SqlRejectedException.class);
    }

    @Test
    void hostileStatementsLeaveFileAndEveryTableUnchanged() throws SQLException {
        String fileBefore = Chinook.sha256(file);
        Map<String, String> tablesBefore = checksums();

        for (String sql : hostile()) {
            try {
                database.query(sql);
            } catch (SqlRejectedException expected) {
                // the point of the test is what the database holds afterwards
            }
        }

        assertThat(checksums()).isEqualTo(tablesBefore).hasSize(11);
        assertThat(Chinook.sha256(file)).isEqualTo(fileBefore);
        assertThat(dir.resolve("stolen.db")).doesNotExist();
        assertThat(Path.of("stolen.db").toAbsolutePath()).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO Genre (GenreId, Name) VALUES (100, 'Polka') | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            UPDATE Track SET UnitPrice = 0                          | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            DELETE FROM InvoiceLine                                 | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            DROP TABLE Album                                        | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            CREATE TABLE Loot AS SELECT * FROM Customer             | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            PRAGMA user_version = 7                                 | [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)
            VACUUM                                                  | [SQLITE_ERROR] SQL error or missing database (too many attached databases - max 0)
            VACUUM INTO 'stolen.db'                                 | [SQLITE_ERROR] SQL error or missing database (too many attached databases - max 0)
            ATTACH DATABASE 'stolen.db' AS evil                     | [SQLITE_ERROR] SQL error or missing database (too many attached databases - max 0)
            """)
    void readOnlyConnectionRefusesWriteThatSkipsTheCheck(String sql, String message) {
        assertThatThrownBy(() -> database.queryWithoutCheck(sql))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage(message);
    }

    @Test
    void writesThatSkipTheCheckLeaveTheFileUnchanged() {
        String before = Chinook.sha256(file);

        for (String sql : List.of("DELETE FROM Genre", "DROP TABLE Track", "PRAGMA user_version = 7", "VACUUM")) {
            assertThatThrownBy(() -> database.queryWithoutCheck(sql)).isInstanceOf(SqlExecutionException.class);
        }

        assertThat(Chinook.sha256(file)).isEqualTo(before);
    }

    @Test
    void everyHostileStatementThatSkipsTheCheckLeavesFileAndTablesUnchanged() throws SQLException {
        String fileBefore = Chinook.sha256(file);
        Map<String, String> tablesBefore = checksums();

        for (String sql : hostile()) {
            try {
                database.queryWithoutCheck(sql);
            } catch (SqlExecutionException refusedByTheDatabase) {
                // the read-only connection is the wall under test
            }
        }

        assertThat(checksums()).isEqualTo(tablesBefore).hasSize(11);
        assertThat(Chinook.sha256(file)).isEqualTo(fileBefore);
        assertThat(dir.resolve("stolen.db")).doesNotExist();
        assertThat(Path.of("stolen.db").toAbsolutePath()).doesNotExist();
    }

    private static Map<String, String> checksums() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return TableChecksums.of(connection, null);
        }
    }
}
