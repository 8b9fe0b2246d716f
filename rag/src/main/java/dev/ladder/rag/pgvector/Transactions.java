package dev.ladder.rag.pgvector;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
final class Transactions {
    private Transactions() {}

    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
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
