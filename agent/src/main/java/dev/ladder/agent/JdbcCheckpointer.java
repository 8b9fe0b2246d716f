package dev.ladder.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores checkpoints in SQLite (the embedded default) or PostgreSQL, as versioned JSON documents
 * in two tables, {@code <prefix>checkpoints} and {@code <prefix>writes}, created if missing.
 *
 * <p>Thread-safe: calls share one connection, one at a time. With PostgreSQL, {@link #lock} takes
 * a session advisory lock on a connection of its own, so several JVMs sharing one database never
 * advance the same thread at once; the server releases the lock if a JVM dies. With a SQLite file
 * it locks one byte of {@code <database>.ladder-lock} beside it, which every process on the machine
 * sees and the operating system releases if a JVM dies (not over network file systems).
 *
 * <p>The drivers are optional dependencies: add {@code org.xerial:sqlite-jdbc} or
 * {@code org.postgresql:postgresql} to use this class.
 */
public final class JdbcCheckpointer implements Checkpointer, AutoCloseable {
    private final String url;
    private final JdbcDialect dialect;
    private final String checkpoints;
    private final String writes;
    private final Retention retention;
    private final Duration lockWait;
    private final Path lockFile;
    private final CheckpointCodec codec;
    private final Connection connection;
    // One small lock per thread id ever locked, kept for the life of the checkpointer.
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private JdbcCheckpointer(Builder builder) {
        this.url = builder.url;
        this.dialect = JdbcDialect.of(builder.url);
        this.checkpoints = builder.tablePrefix + "checkpoints";
        this.writes = builder.tablePrefix + "writes";
        this.retention = builder.retention;
        this.lockWait = builder.lockWait;
        this.lockFile = dialect == JdbcDialect.SQLITE ? JdbcDialect.sqliteLockFile(builder.url) : null;
        this.codec = new CheckpointCodec(builder.schema);
        this.connection = open();
        createTables(builder.tablePrefix);
    }

    /** Creates a checkpointer over the SQLite database file {@code file}, keeping every checkpoint. */
    public static JdbcCheckpointer sqlite(Path file, Schema schema) {
        return builder("jdbc:sqlite:" + file.toAbsolutePath(), schema).build();
    }

    /** Creates a checkpointer over the PostgreSQL database at the JDBC {@code url}, keeping every checkpoint. */
    public static JdbcCheckpointer postgres(String url, Schema schema) {
        return builder(url, schema).build();
    }

    /** Returns a builder for a checkpointer over {@code url} that reads states with {@code schema}. */
    public static Builder builder(String url, Schema schema) {
        return new Builder(url, schema);
    }

    @Override
    public synchronized void put(Checkpoint checkpoint) {
        inTransaction("store checkpoint '" + checkpoint.id() + "' of thread '" + checkpoint.threadId() + "'", () -> {
            PreparedStatement insert = statement("INSERT INTO " + checkpoints
                    + " (thread_id, checkpoint_id, created_at, body) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (thread_id, checkpoint_id) DO UPDATE SET body = excluded.body");
            insert.setString(1, checkpoint.threadId());
            insert.setString(2, checkpoint.id());
            insert.setLong(3, checkpoint.createdAt().toEpochMilli());
            insert.setString(4, codec.encode(checkpoint));
            insert.executeUpdate();
            for (PendingWrite write : checkpoint.writes()) {
                insertWrite(checkpoint.threadId(), checkpoint.id(), write);
            }
            retain(checkpoint.threadId());
        });
    }

    @Override
    public synchronized void putWrite(String threadId, String checkpointId, PendingWrite write) {
        inTransaction(
                "store a write of task '" + write.taskId() + "' of thread '" + threadId + "'",
                () -> insertWrite(threadId, checkpointId, write));
    }

    @Override
    public synchronized Optional<Checkpoint> latest(String threadId) {
        List<Checkpoint> found = select("WHERE thread_id = ? ORDER BY seq DESC LIMIT 1", threadId);
        return found.stream().findFirst();
    }

    @Override
    public synchronized Optional<Checkpoint> find(String threadId, String checkpointId) {
        return select("WHERE thread_id = ? AND checkpoint_id = ?", threadId, checkpointId).stream()
                .findFirst();
    }

    @Override
    public synchronized List<Checkpoint> history(String threadId) {
        return select("WHERE thread_id = ? ORDER BY seq DESC", threadId);
    }

    @Override
    public synchronized void deleteThread(String threadId) {
        inTransaction("delete thread '" + threadId + "'", () -> {
            for (String table : List.of(writes, checkpoints)) {
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE thread_id = ?")) {
                    delete.setString(1, threadId);
                    delete.executeUpdate();
                }
            }
        });
    }

    @Override
    public ThreadLock lock(String threadId) {
        ReentrantLock local = localLocks.computeIfAbsent(threadId, id -> new ReentrantLock());
        if (!tryLocal(local)) {
            throw new ThreadBusyException("thread '" + threadId + "' is being advanced by another run in this JVM"
                    + ": try again once it has finished, or set JdbcCheckpointer.Builder.lockWait to wait for it");
        }
        ThreadLock shared;
        try {
            shared = sharedLock(threadId);
        } catch (SQLException | IOException | RuntimeException e) {
            local.unlock();
            throw e instanceof ThreadBusyException busy ? busy : failure("lock thread '" + threadId + "'", e);
        }
        return () -> {
            try {
                shared.close();
            } finally {
                local.unlock();
            }
        };
    }

    /** Takes the lock other processes see: an advisory lock in PostgreSQL, a file lock beside a SQLite file. */
    private ThreadLock sharedLock(String threadId) throws SQLException, IOException {
        if (dialect == JdbcDialect.POSTGRES) {
            return PostgresThreadLock.acquire(open(), checkpoints, threadId, lockWait);
        }
        if (lockFile != null) {
            return FileThreadLock.acquire(lockFile, checkpoints, threadId, lockWait);
        }
        return () -> {};
    }

    /** Closes the shared connection. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the connection", e);
        }
    }

    private boolean tryLocal(ReentrantLock local) {
        try {
            return local.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void insertWrite(String threadId, String checkpointId, PendingWrite write) throws SQLException {
        PreparedStatement insert = statement("INSERT INTO " + writes
                + " (thread_id, checkpoint_id, task_id, body) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (thread_id, checkpoint_id, task_id) DO UPDATE SET body = excluded.body");
        insert.setString(1, threadId);
        insert.setString(2, checkpointId);
        insert.setString(3, write.taskId());
        insert.setString(4, codec.encode(write));
        insert.executeUpdate();
    }

    private void retain(String threadId) throws SQLException {
        if (retention.equals(Retention.ALL)) {
            return;
        }
        if (retention.keepLast() > 0) {
            execute(
                    "DELETE FROM " + checkpoints + " WHERE thread_id = ? AND seq NOT IN (SELECT seq FROM " + checkpoints
                            + " WHERE thread_id = ? ORDER BY seq DESC LIMIT " + retention.keepLast() + ")",
                    threadId,
                    threadId);
        }
        Instant cutoff = retention.cutoff(Instant.now());
        if (cutoff != null) {
            execute(
                    "DELETE FROM " + checkpoints + " WHERE thread_id = ? AND created_at < " + cutoff.toEpochMilli()
                            + " AND seq < (SELECT MAX(seq) FROM " + checkpoints + " WHERE thread_id = ?)",
                    threadId,
                    threadId);
        }
        execute(
                "DELETE FROM " + writes + " WHERE thread_id = ? AND checkpoint_id NOT IN (SELECT checkpoint_id FROM "
                        + checkpoints + " WHERE thread_id = ?)",
                threadId,
                threadId);
    }

    /** Returns the prepared statement of {@code sql}, prepared once per checkpointer; callers hold the monitor. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<Checkpoint> select(String where, String... parameters) {
        List<Checkpoint> found = new ArrayList<>();
        try {
            PreparedStatement query =
                    statement("SELECT thread_id, checkpoint_id, body FROM " + checkpoints + " " + where);
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(codec.decode(rows.getString(3), writesOf(rows.getString(1), rows.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw failure("read checkpoints of thread '" + parameters[0] + "'", e);
        }
        return found;
    }

    private List<PendingWrite> writesOf(String threadId, String checkpointId) throws SQLException {
        List<PendingWrite> found = new ArrayList<>();
        PreparedStatement query =
                statement("SELECT body FROM " + writes + " WHERE thread_id = ? AND checkpoint_id = ? ORDER BY seq");
        query.setString(1, threadId);
        query.setString(2, checkpointId);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(codec.decodeWrite(rows.getString(1)));
            }
        }
        return found;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(String what, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Connection open() {
        try {
            Connection opened = DriverManager.getConnection(url);
            if (dialect == JdbcDialect.SQLITE) {
                try (Statement statement = opened.createStatement()) {
                    statement.execute("PRAGMA journal_mode=WAL");
                    statement.execute("PRAGMA synchronous=NORMAL");
                    statement.execute("PRAGMA busy_timeout=5000");
                }
            }
            return opened;
        } catch (SQLException e) {
            throw failure("connect", e);
        }
    }

    private void createTables(String prefix) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.createTables(prefix)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failure("create the checkpoint tables", e);
        }
    }

    private CheckpointException failure(String what, Exception e) {
        return new CheckpointException(
                "could not " + what + " at " + JdbcDialect.redact(url) + ": " + e.getMessage(), e);
    }

    /** Builds a {@link JdbcCheckpointer}. Not thread-safe. */
    public static final class Builder {
        private final String url;
        private final Schema schema;
        private String tablePrefix = "ladder_";
        private Retention retention = Retention.ALL;
        private Duration lockWait = Duration.ZERO;

        private Builder(String url, Schema schema) {
            this.url = Objects.requireNonNull(url, "url");
            this.schema = Objects.requireNonNull(schema, "schema");
            JdbcDialect.of(url);
        }

        /** Sets the prefix of the two table names; {@code ladder_} unless set. */
        public Builder tablePrefix(String tablePrefix) {
            if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
                throw new IllegalArgumentException("table prefix '" + tablePrefix
                        + "' is not allowed: use letters, digits and '_', starting with a letter or '_'");
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /** Sets which checkpoints of a thread to keep; all unless set. */
        public Builder retention(Retention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** Sets how long {@link #lock} waits for a busy thread before failing; not at all unless set. */
        public Builder lockWait(Duration lockWait) {
            if (lockWait.isNegative()) {
                throw new IllegalArgumentException("lockWait must not be negative, was " + lockWait);
            }
            this.lockWait = lockWait;
            return this;
        }

        /**
         * Connects and creates the tables if missing.
         *
         * @throws CheckpointException if the database cannot be reached or the tables created.
         */
        public JdbcCheckpointer build() {
            return new JdbcCheckpointer(this);
        }
    }
}
