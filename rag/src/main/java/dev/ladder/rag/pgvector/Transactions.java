package dev.ladder.rag.pgvector;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction: committed when it returns, rolled back when it throws. The
 * connection's auto-commit setting is restored afterwards, so a pooled connection goes back as it
 * came.
 */
final class Transactions {
    private Transactions() {}

    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
