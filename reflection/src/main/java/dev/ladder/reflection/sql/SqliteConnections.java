package dev.ladder.reflection.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;
import org.sqlite.SQLiteOpenMode;

/** SQLite specifics; kept apart so that only users of SQLite need its driver. */
final class SqliteConnections {
    /** How many virtual-machine steps SQLite runs between two looks at the clock. */
    private static final int STEPS_PER_CHECK = 10_000;

    private SqliteConnections() {}

    static ConnectionSource readOnly(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        return () -> {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
            return config.createConnection(url);
        };
    }

    /**
     * Confines {@code connection}: no database file may be attached to it, which also stops
     * {@code VACUUM INTO} from creating a file, and whatever runs on it is interrupted once
     * {@code timeout} has passed. The driver's own query timeout only bounds waiting for locks, not a
     * long-running query.
     */
    static void confine(Connection connection, Duration timeout) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            throw new SQLException(
                    "the SQLite connection is a " + connection.getClass().getName()
                            + ", not the xerial driver's SQLiteConnection: the statement timeout cannot be enforced");
        }
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        sqlite.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        ProgressHandler.setHandler(sqlite, STEPS_PER_CHECK, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() - deadline > 0 ? 1 : 0;
            }
        });
    }
}
