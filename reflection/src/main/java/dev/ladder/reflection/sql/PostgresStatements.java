package dev.ladder.reflection.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * PostgreSQL specifics of the second wall; kept apart so that only users of PostgreSQL need pgjdbc.
 *
 * <p>pgjdbc splits a statement string at its semicolons and sends the pieces one after another. A
 * {@code COMMIT} among them would end the read-only transaction and let the pieces after it run in
 * transactions of their own, which are read-write. So before anything is sent, the string is split
 * with pgjdbc's own parser, the one that would split it on the wire, and refused unless it is one
 * statement: a single statement cannot leave the read-only transaction it runs in.
 */
final class PostgresStatements {
    /** SQLSTATE {@code 0A000}, feature not supported. */
    private static final String NOT_SUPPORTED = "0A000";

    private PostgresStatements() {}

    /**
     * Returns normally when pgjdbc would send {@code sql} as at most one statement.
     *
     * @throws SQLException when it would send several, or when pgjdbc is not on the class path.
     */
    static void requireOneStatement(Connection connection, String sql) throws SQLException {
        List<NativeQuery> statements;
        try {
            statements = Parser.parseJdbcSql(sql, standardConformingStrings(connection), false, true, false, false);
        } catch (NoClassDefFoundError e) {
            throw new SQLException(
                    "pgjdbc (org.postgresql:postgresql) is not on the class path: the second wall splits"
                            + " PostgreSQL statements with its parser; add the driver",
                    NOT_SUPPORTED,
                    e);
        }
        if (statements.size() > 1) {
            throw new SQLException(
                    "refused by the read-only connection: the driver would send this as " + statements.size()
                            + " statements, and a COMMIT or ROLLBACK among them would end the read-only"
                            + " transaction; send one statement",
                    NOT_SUPPORTED);
        }
    }

    private static boolean standardConformingStrings(Connection connection) throws SQLException {
        return !connection.isWrapperFor(BaseConnection.class)
                || connection.unwrap(BaseConnection.class).getStandardConformingStrings();
    }
}
