package dev.ladder.reflection.sql;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Copies Chinook from the SQLite file into the PostgreSQL schema {@link #SCHEMA}, table by table
 * through JDBC, so the same questions run on both databases. Names are written unquoted and so
 * fold to lower case, as Spider's upper-case table names expect.
 */
final class PostgresChinook {
    /** Unique per test JVM, so that test runs sharing one server do not drop each other's copy. */
    static final String SCHEMA = "reflection_chinook_" + ProcessHandle.current().pid();

    private PostgresChinook() {}

    static void load(String postgresUrl, Path sqlite) throws SQLException {
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                Connection target = DriverManager.getConnection(postgresUrl)) {
            execute(target, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            execute(target, "CREATE SCHEMA " + SCHEMA);
            List<String> tables = tables(source);
            for (String table : tables) {
                List<Column> columns = columns(source, table);
                execute(target, createTable(source, table, columns));
                copyRows(source, target, table, columns);
            }
            for (String table : tables) {
                addForeignKeys(source, target, table);
            }
        }
    }

    static void drop(String postgresUrl) throws SQLException {
        try (Connection target = DriverManager.getConnection(postgresUrl)) {
            execute(target, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private record Column(String name, String type) {}

    private static List<String> tables(Connection source) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = source.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").startsWith("sqlite_")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    private static List<Column> columns(Connection source, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = source.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME"), postgresType(rs)));
            }
        }
        return columns;
    }

    private static String postgresType(ResultSet column) throws SQLException {
        String type = column.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
        int size = column.getInt("COLUMN_SIZE");
        if (type.startsWith("INT")) {
            return "integer";
        }
        if (type.contains("CHAR")) {
            return size > 0 && size < 100_000 ? "varchar(" + size + ")" : "text";
        }
        if (type.startsWith("NUMERIC")) {
            return "numeric(10,2)";
        }
        if (type.startsWith("DATETIME")) {
            return "timestamp";
        }
        return "text";
    }

    private static String createTable(Connection source, String table, List<Column> columns) throws SQLException {
        StringJoiner sql = new StringJoiner(", ", "CREATE TABLE " + SCHEMA + "." + table + " (", ")");
        columns.forEach(c -> sql.add(c.name() + " " + c.type()));
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = source.getMetaData().getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                keys.add(rs.getString("COLUMN_NAME"));
            }
        }
        sql.add("PRIMARY KEY (" + String.join(", ", keys) + ")");
        return sql.toString();
    }

    private static void copyRows(Connection source, Connection target, String table, List<Column> columns)
            throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        String insert = "INSERT INTO " + SCHEMA + "." + table + " VALUES (" + marks + ")";
        try (Statement select = source.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"");
                PreparedStatement batch = target.prepareStatement(insert)) {
            while (rows.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    batch.setObject(
                            i, value(rows.getObject(i), columns.get(i - 1).type()));
                }
                batch.addBatch();
            }
            batch.executeBatch();
        }
    }

    private static Object value(Object value, String type) {
        if (value == null) {
            return null;
        }
        if (type.equals("timestamp")) {
            return Timestamp.valueOf(value.toString());
        }
        if (type.startsWith("numeric")) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    private static void addForeignKeys(Connection source, Connection target, String table) throws SQLException {
        DatabaseMetaData meta = source.getMetaData();
        try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
            while (rs.next()) {
                execute(
                        target,
                        "ALTER TABLE " + SCHEMA + "." + table + " ADD FOREIGN KEY (" + rs.getString("FKCOLUMN_NAME")
                                + ") REFERENCES " + SCHEMA + "." + rs.getString("PKTABLE_NAME") + " ("
                                + rs.getString("PKCOLUMN_NAME")
                                + ")");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
