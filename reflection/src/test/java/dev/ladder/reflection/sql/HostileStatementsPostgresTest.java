package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.testsupport.Servers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostileStatementsPostgresTest {
    @TempDir
    static Path dir;

    static String url;
    static SqlDatabase database;

    @BeforeAll
    static void loadChinook() throws SQLException {
        url = Servers.postgresUrl();
        PostgresChinook.load(url, Chinook.copy(dir));
        database = SqlDatabase.builder(SqlDialect.POSTGRESQL, ConnectionSource.of(url))
                .schema(PostgresChinook.SCHEMA)
                .build();
    }

    @AfterAll
    static void dropChinook() throws SQLException {
        if (url != null) {
            PostgresChinook.drop(url);
        }
    }

    static List<String> hostile() {
        return HostileStatements.forPostgres();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void checkRefusesHostileStatementBeforeItRuns(String sql) {
        assertThatThrownBy(() -> database.query(sql)).isInstanceOf(SqlRejectedException.class);
    }

    @Test
    void hostileStatementsLeaveEveryTableUnchanged() throws SQLException {
        Map<String, String> before = checksums();

        for (String sql : hostile()) {
            try {
                database.query(sql);
            } catch (SqlRejectedException expected) {
                // the point of the test is what the database holds afterwards
            }
        }

        assertThat(checksums()).isEqualTo(before).hasSize(11);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO genre (genreid, name) VALUES (100, 'Polka') | ERROR: cannot execute INSERT in a read-only transaction
            UPDATE track SET unitprice = 0                          | ERROR: cannot execute UPDATE in a read-only transaction
            DELETE FROM invoiceline                                 | ERROR: cannot execute DELETE in a read-only transaction
            DROP TABLE album                                        | ERROR: cannot execute DROP TABLE in a read-only transaction
            CREATE TABLE loot AS SELECT * FROM customer             | ERROR: cannot execute CREATE TABLE AS in a read-only transaction
            SELECT * INTO loot FROM customer                        | ERROR: cannot execute SELECT INTO in a read-only transaction
            WITH gone AS (DELETE FROM genre RETURNING *) SELECT * FROM gone | ERROR: cannot execute SELECT in a read-only transaction
            SELECT * FROM genre FOR UPDATE                          | ERROR: cannot execute SELECT FOR UPDATE in a read-only transaction
            TRUNCATE genre CASCADE                                  | ERROR: cannot execute TRUNCATE TABLE in a read-only transaction
            SET transaction_read_only = off                         | ERROR: transaction read-write mode must be set before any query
            SET transaction_read_only = off; DELETE FROM genre      | refused by the read-only connection: the driver would send this as 2 statements, and a COMMIT or ROLLBACK among them would end the read-only transaction; send one statement
            COMMIT; DELETE FROM playlisttrack                       | refused by the read-only connection: the driver would send this as 2 statements, and a COMMIT or ROLLBACK among them would end the read-only transaction; send one statement
            """)
    void readOnlyTransactionRefusesWriteThatSkipsTheCheck(String sql, String message) {
        assertThatThrownBy(() -> database.queryWithoutCheck(sql))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage(message);
    }

    @Test
    void writesThatSkipTheCheckLeaveEveryTableUnchanged() throws SQLException {
        Map<String, String> before = checksums();

        for (String sql :
                List.of("DELETE FROM playlisttrack", "UPDATE track SET unitprice = 0", "DROP TABLE genre CASCADE")) {
            assertThatThrownBy(() -> database.queryWithoutCheck(sql)).isInstanceOf(SqlExecutionException.class);
        }

        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void acceptsTheUnprivilegedTestRole() {
        assertThat(database.query("SELECT current_user").rows()).hasSize(1);
    }

    @Test
    void refusesARoleThatCouldActOutsideTheReadOnlyTransaction() {
        SqlDatabase asSuperuser = SqlDatabase.builder(
                        SqlDialect.POSTGRESQL, () -> PrivilegedRole.pretend(DriverManager.getConnection(url)))
                .schema(PostgresChinook.SCHEMA)
                .build();

        assertThatThrownBy(() -> asSuperuser.query("SELECT 1"))
                .isInstanceOfSatisfying(
                        SqlExecutionException.class,
                        e -> assertThat(e.queryFailed()).isFalse())
                .hasMessage("PostgreSQL role 'postgres' is a superuser or may run server programs or read and write"
                        + " server files, which a read-only transaction does not prevent: connect as a role without"
                        + " those privileges, ideally one that may only SELECT");
    }

    @Test
    void readsBackslashesInStringsAsTheCheckDoes() {
        assertThat(database.queryWithoutCheck("SHOW standard_conforming_strings")
                        .rows())
                .containsExactly(List.of("on"));
        assertThat(database.query("SELECT 'a\\' AS s").rows()).containsExactly(List.of("a\\"));
    }

    @Test
    void statementTimeoutCancelsALongQuery() {
        SqlDatabase impatient = SqlDatabase.builder(SqlDialect.POSTGRESQL, ConnectionSource.of(url))
                .schema(PostgresChinook.SCHEMA)
                .statementTimeout(java.time.Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> impatient.query("SELECT count(*) FROM track a, track b, track c"))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage("ERROR: canceling statement due to statement timeout");
    }

    @Test
    void everyHostileStatementThatSkipsTheCheckLeavesEveryTableUnchanged() throws SQLException {
        SqlDatabase impatient = SqlDatabase.builder(SqlDialect.POSTGRESQL, ConnectionSource.of(url))
                .schema(PostgresChinook.SCHEMA)
                .statementTimeout(Duration.ofSeconds(1))
                .build();
        Map<String, String> before = checksums();
        int functionsBefore = functions();

        for (String sql : hostile()) {
            try {
                impatient.queryWithoutCheck(sql);
            } catch (SqlExecutionException refusedByTheDatabase) {
                // the read-only transaction is the wall under test
            }
        }

        assertThat(checksums()).isEqualTo(before).hasSize(11);
        assertThat(functions()).isEqualTo(functionsBefore);
    }

    private static int functions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_proc p JOIN pg_namespace n"
                        + " ON n.oid = p.pronamespace WHERE n.nspname = '" + PostgresChinook.SCHEMA + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, String> checksums() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return TableChecksums.of(connection, PostgresChinook.SCHEMA);
        }
    }
}
