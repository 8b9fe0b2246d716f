package dev.ladder.reflection.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs read-only queries behind two walls and describes the schema for prompts.
 *
 * <p>Wall one: {@link ReadOnlyQueryCheck} refuses any statement that is not a single read-only query
 * before it reaches the database. Wall two: every query runs on a fresh connection made read-only
 * (SQLite: {@code PRAGMA query_only}, on top of a read-only open by
 * {@link ConnectionSource#sqliteReadOnly}; PostgreSQL: a {@code READ ONLY} transaction that is
 * rolled back afterwards, into which the driver may send only one statement so that no
 * {@code COMMIT} ends it early) with a statement timeout, so that a write slipping past the check
 * is refused by the database itself. At most {@code maxRows} rows are read.
 *
 * <p>Immutable and thread-safe when its connection source is.
 */
public final class SqlDatabase {
    private static final Logger log = LoggerFactory.getLogger(SqlDatabase.class);
    private static final String PRIVILEGE_CHECK = "SELECT r.rolsuper"
            + " OR pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')"
            + " OR pg_has_role(current_user, 'pg_write_server_files', 'MEMBER')"
            + " OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'), current_user"
            + " FROM pg_roles r WHERE r.rolname = current_user";

    private final SqlDialect dialect;
    private final ConnectionSource connections;
    private final String schema;
    private final Duration statementTimeout;
    private final int maxRows;

    private SqlDatabase(Builder builder) {
        this.dialect = builder.dialect;
        this.connections = builder.connections;
        this.schema = builder.schema;
        this.statementTimeout = builder.statementTimeout;
        this.maxRows = builder.maxRows;
    }

    /** Returns a database over the SQLite file {@code file}, opened read-only, with default settings. */
    public static SqlDatabase sqlite(Path file) {
        return builder(SqlDialect.SQLITE, ConnectionSource.sqliteReadOnly(file)).build();
    }

    /** Returns a builder for a database in {@code dialect} reached through {@code connections}. */
    public static Builder builder(SqlDialect dialect, ConnectionSource connections) {
        return new Builder(dialect, connections);
    }

    /** Returns the dialect queries are written in. */
    public SqlDialect dialect() {
        return dialect;
    }

    /** Returns the most rows a query result holds. */
    public int maxRows() {
        return maxRows;
    }

    /**
     * Runs {@code sql} if it is a single read-only query and returns its rows.
     *
     * @throws SqlRejectedException when the statement is not a single read-only query.
     * @throws SqlExecutionException with the database's message when the database fails to run it,
     *     refuses a write, or the statement timeout ends it.
     */
    public QueryResult query(String sql) {
        ReadOnlyQueryCheck.requireReadOnlyQuery(sql, dialect);
        return queryWithoutCheck(sql);
    }

    /** Runs {@code sql} behind the second wall only; for tests that prove that wall on its own. */
    QueryResult queryWithoutCheck(String sql) {
        log.debug("running {}", sql);
        try (Connection connection = connections.open()) {
            enterReadOnly(connection);
            try {
                if (dialect == SqlDialect.POSTGRESQL) {
                    PostgresStatements.requireOneStatement(connection, sql);
                }
                return read(connection, sql);
            } catch (SQLException e) {
                throw new SqlExecutionException(sql, e, true);
            } finally {
                leave(connection);
            }
        } catch (SQLException e) {
            throw new SqlExecutionException(sql, e, false);
        }
    }

    /**
     * Describes the tables {@code options} selects: columns with types, primary and foreign keys,
     * and sample rows if asked, one compact block per table, for a prompt.
     *
     * @throws SqlExecutionException when the metadata cannot be read.
     */
    public String describe(SchemaOptions options) {
        Objects.requireNonNull(options, "options");
        try (Connection connection = connections.open()) {
            enterReadOnly(connection);
            try {
                return new SchemaDescriber(connection, dialect, schema, maxRows).describe(options);
            } finally {
                leave(connection);
            }
        } catch (SQLException e) {
            throw new SqlExecutionException("reading the schema", e, false);
        }
    }

    private void enterReadOnly(Connection connection) throws SQLException {
        int millis = (int) Math.min(Integer.MAX_VALUE, statementTimeout.toMillis());
        try (Statement statement = connection.createStatement()) {
            if (dialect == SqlDialect.SQLITE) {
                statement.execute("PRAGMA query_only = ON");
                statement.execute("PRAGMA busy_timeout = " + millis);
                SqliteConnections.confine(connection, statementTimeout);
                return;
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement.execute("SET TRANSACTION READ ONLY");
            statement.execute("SET LOCAL statement_timeout = " + millis);
            // Backslashes are then plain characters inside '...', as both walls read them.
            statement.execute("SET LOCAL standard_conforming_strings = on");
            if (schema != null) {
                statement.execute("SET LOCAL search_path TO " + quoteIdentifier(schema));
            }
            // Once a query has run, the transaction can no longer be switched to read-write.
            refusePrivilegedRole(statement);
        }
    }

    /**
     * Refuses a role for which a read-only transaction is no wall: a superuser, or a member of the
     * roles that run programs or read and write server files ({@code COPY ... TO PROGRAM},
     * {@code COPY ... TO '/file'} and {@code pg_read_file} all work in a read-only transaction).
     */
    private static void refusePrivilegedRole(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(PRIVILEGE_CHECK)) {
            if (rs.next() && rs.getBoolean(1)) {
                throw new SQLException(
                        "PostgreSQL role '" + rs.getString(2) + "' is a superuser or may run server programs or"
                                + " read and write server files, which a read-only transaction does not prevent:"
                                + " connect as a role without those privileges, ideally one that may only SELECT",
                        "42501");
            }
        }
    }

    private void leave(Connection connection) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            connection.rollback();
        }
    }

    private QueryResult read(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, (statementTimeout.toMillis() + 999) / 1000));
            statement.setMaxRows(maxRows + 1);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return result(sql, rows);
            }
        }
    }

    private QueryResult result(String sql, ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (resultSet.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(resultSet.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(sql, columns, rows, truncated);
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Builds a {@link SqlDatabase}. Not thread-safe. */
    public static final class Builder {
        private final SqlDialect dialect;
        private final ConnectionSource connections;
        private String schema;
        private Duration statementTimeout = Duration.ofSeconds(10);
        private int maxRows = 200;

        private Builder(SqlDialect dialect, ConnectionSource connections) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            this.connections = Objects.requireNonNull(connections, "connections");
        }

        /**
         * Sets the PostgreSQL schema queries run in (their {@code search_path}) and that
         * {@link #describe} reads; {@code public} unless set. Ignored for SQLite.
         */
        public Builder schema(String schema) {
            Objects.requireNonNull(schema, "schema");
            if (schema.isBlank()) {
                throw new IllegalArgumentException("schema must not be blank");
            }
            this.schema = schema;
            return this;
        }

        /** Sets how long one query may run before the database cancels it; 10 seconds unless set. */
        public Builder statementTimeout(Duration statementTimeout) {
            Objects.requireNonNull(statementTimeout, "statementTimeout");
            if (statementTimeout.isNegative() || statementTimeout.isZero()) {
                throw new IllegalArgumentException("statementTimeout must be positive, was " + statementTimeout);
            }
            this.statementTimeout = statementTimeout;
            return this;
        }

        /** Sets the most rows a result holds; further rows are dropped. 200 unless set. */
        public Builder maxRows(int maxRows) {
            if (maxRows < 1) {
                throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /** Returns the database. */
        public SqlDatabase build() {
            return new SqlDatabase(this);
        }
    }
}
