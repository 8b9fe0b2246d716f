package dev.ladder.rag.pgvector;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
