package dev.ladder.agent;

import java.nio.file.Path;
import java.util.List;

/** The SQL a {@link JdbcCheckpointer} speaks to each database it supports. */
enum JdbcDialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRES("BIGSERIAL PRIMARY KEY");

    private final String serial;

    JdbcDialect(String serial) {
        this.serial = serial;
    }

    static JdbcDialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("JDBC URL '" + redact(url)
                + "' is not supported: use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
    }

    List<String> createTables(String prefix) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + prefix + "checkpoints (seq " + serial
                        + ", thread_id VARCHAR(255) NOT NULL, checkpoint_id VARCHAR(255) NOT NULL,"
                        + " created_at BIGINT NOT NULL, body TEXT NOT NULL, UNIQUE (thread_id, checkpoint_id))",
                "CREATE TABLE IF NOT EXISTS " + prefix + "writes (seq " + serial
                        + ", thread_id VARCHAR(255) NOT NULL, checkpoint_id VARCHAR(255) NOT NULL,"
                        + " task_id VARCHAR(255) NOT NULL, body TEXT NOT NULL,"
                        + " UNIQUE (thread_id, checkpoint_id, task_id))",
                "CREATE INDEX IF NOT EXISTS " + prefix + "checkpoints_thread ON " + prefix
                        + "checkpoints (thread_id, seq)");
    }

    /**
     * Returns the file beside a SQLite database in which threads are locked, or null for an
     * in-memory database, which no other process can open.
     */
    static Path sqliteLockFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.equals(":memory:") || url.contains("mode=memory")) {
            return null;
        }
        return Path.of(path + ".ladder-lock").toAbsolutePath().normalize();
    }

    static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
