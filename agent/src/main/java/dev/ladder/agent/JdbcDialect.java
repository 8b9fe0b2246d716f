package dev.ladder.agent;

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

    static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
