package dev.ladder.reflection.sql;

import dev.ladder.core.LadderException;
import java.sql.SQLException;

/**
 * Thrown when the database fails to run a query or to read its metadata. The message is the
 * database's own, which is what a model needs to correct its query; the cause is the driver's
 * {@link SQLException}.
 */
public final class SqlExecutionException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;
    private final boolean queryFailed;

    SqlExecutionException(String sql, SQLException cause, boolean queryFailed) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        this.sql = sql;
        this.sqlState = cause.getSQLState();
        this.queryFailed = queryFailed;
    }

    /**
     * Returns true if the database ran the statement and rejected it (a syntax error, an unknown
     * table, a refused write, the statement timeout): something a corrected query can fix. False
     * when connecting, setting up the read-only session or reading metadata failed.
     */
    public boolean queryFailed() {
        return queryFailed;
    }

    /** Returns the statement that failed, or the metadata operation when no statement ran. */
    public String sql() {
        return sql;
    }

    /** Returns the SQLSTATE the driver reported, or null when it reported none (SQLite). */
    public String sqlState() {
        return sqlState;
    }
}
