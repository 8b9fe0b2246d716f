package dev.ladder.reflection.sql;

import dev.ladder.core.LadderException;

/**
 * Thrown when a statement is refused before it reaches the database because it is not a single
 * read-only query. Not retriable: the same statement is refused again.
 */
public final class SqlRejectedException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String reason;

    SqlRejectedException(String sql, String reason) {
        super("refused to run the statement: " + reason
                + "; only a single read-only query (SELECT, WITH ... SELECT or VALUES) may run");
        this.sql = sql;
        this.reason = reason;
    }

    /** Returns the refused statement. */
    public String sql() {
        return sql;
    }

    /** Returns why the statement was refused, without the advice that follows it in the message. */
    public String reason() {
        return reason;
    }
}
