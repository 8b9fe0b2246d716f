package dev.ladder.rag.pgvector;

import dev.ladder.core.LadderException;
import java.sql.SQLException;

/**
 * A PostgreSQL operation of a {@link PgVectorStore} failed. The message names the operation and
 * the table; the cause is the driver's {@link SQLException}. Nothing the failed call was writing
 * was stored: every write runs in one transaction that is rolled back on failure.
 */
public class PgVectorException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /** Creates an exception for {@code message} caused by {@code cause}. */
    public PgVectorException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    /** Returns the SQLState the server or driver reported, or null when there was none. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Returns true for connection failures (SQLState class 08) and transaction conflicts (class
     * 40: serialization failure, deadlock), after which the same call may succeed.
     */
    @Override
    public boolean retriable() {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("40"));
    }
}
