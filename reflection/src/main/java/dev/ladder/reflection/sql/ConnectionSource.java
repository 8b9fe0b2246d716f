package dev.ladder.reflection.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Opens a fresh JDBC connection for each query; {@link SqlDatabase} closes it afterwards. A
 * {@code javax.sql.DataSource} fits as {@code dataSource::getConnection}.
 */
@FunctionalInterface
public interface ConnectionSource {

    /**
     * Opens a connection.
     *
     * @throws SQLException when the database cannot be reached.
     */
    Connection open() throws SQLException;

    /**
     * Returns a source that opens {@code jdbcUrl} through {@link DriverManager}; the driver must be on
     * the class path. Thread-safe.
     */
    static ConnectionSource of(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return () -> DriverManager.getConnection(jdbcUrl);
    }

    /**
     * Returns a source that opens the SQLite file {@code file} read-only (the file is never created or
     * written), with {@code org.xerial:sqlite-jdbc} on the class path. Thread-safe.
     *
     * @throws IllegalArgumentException when {@code file} is not an existing regular file.
     */
    static ConnectionSource sqliteReadOnly(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("SQLite database " + file.toAbsolutePath()
                    + " does not exist or is not a file: pass the path of an existing database file");
        }
        return SqliteConnections.readOnly(file);
    }
}
