package dev.ladder.reflection.sql;

import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens SQLite read-only; kept apart so that only users of SQLite need its driver. */
final class SqliteConnections {
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
}
