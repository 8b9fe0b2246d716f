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

    SqlExecutionException(String sql, SQLException cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        this.sql = sql;
        this.sqlState = cause.getSQLState();
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
