package dev.ladder.agent;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL session advisory lock on one thread, held on its own connection: it is released when
 * closed, and by the server when the JVM holding it dies, so a killed worker never blocks a thread.
 */
final class PostgresThreadLock implements ThreadLock {
    private static final long POLL_MILLIS = 50;

    private final Connection connection;
    private final long lockKey;
    private boolean open = true;

    private PostgresThreadLock(Connection connection, long lockKey) {
        this.connection = connection;
        this.lockKey = lockKey;
    }

    /** Takes the lock of {@code threadId} under {@code namespace}, waiting up to {@code wait}. */
    static PostgresThreadLock acquire(Connection connection, String namespace, String threadId, Duration wait)
            throws SQLException {
        long key = hash(namespace + "\u0000" + threadId);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryLock(connection, key)) {
            if (System.nanoTime() >= deadline || !pause()) {
                connection.close();
                throw new ThreadBusyException("thread '" + threadId + "' is being advanced by another worker"
                        + (wait.isZero() ? "" : " and stayed busy for " + wait)
                        + ": try again once it has finished, or set JdbcCheckpointer.Builder.lockWait to wait for it");
            }
        }
        return new PostgresThreadLock(connection, key);
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** FNV-1a, 64 bits: stable across JVMs, unlike String.hashCode's 32 bits. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try (connection;
                PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey);
            statement.execute();
        } catch (SQLException e) {
            throw new CheckpointException(
                    "could not release the lock of a thread: " + e.getMessage()
                            + "; the server releases it when the connection closes",
                    e);
        }
    }
}
