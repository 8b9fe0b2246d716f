package dev.ladder.reflection.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Writes a compact description of tables from JDBC metadata, one block per table. */
final class SchemaDescriber {
    private static final int MAX_SAMPLE_TEXT = 40;

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final SqlDialect dialect;
    private final String schema;
    private final int maxRows;

    SchemaDescriber(Connection connection, SqlDialect dialect, String schema, int maxRows) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.dialect = dialect;
        this.schema = dialect == SqlDialect.POSTGRESQL && schema == null ? "public" : schema;
        this.maxRows = maxRows;
    }

    String describe(SchemaOptions options) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : tables(options)) {
            out.append(table(table));
            if (options.sampleRows() > 0) {
                out.append(samples(table, Math.min(options.sampleRows(), maxRows)));
            }
        }
        return out.toString();
    }

    private List<String> tables(SchemaOptions options) throws SQLException {
        List<String> names = new ArrayList<>();
        String schemaPattern = dialect == SqlDialect.SQLITE ? null : schema;
        try (ResultSet rs = meta.getTables(null, schemaPattern, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_") && options.tables().test(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private String table(String table) throws SQLException {
        List<String> keys = primaryKey(table);
        Map<String, String> references = foreignKeys(table);
        StringJoiner columns = new StringJoiner(", ", table + "(", ")\n");
        String schemaPattern = dialect == SqlDialect.SQLITE ? null : schema;
        try (ResultSet rs = meta.getColumns(null, schemaPattern, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                StringBuilder column = new StringBuilder(name).append(' ').append(type(rs));
                if (keys.size() == 1 && keys.contains(name)) {
                    column.append(" PRIMARY KEY");
                }
                if (references.containsKey(name)) {
                    column.append(" REFERENCES ").append(references.get(name));
                }
                columns.add(column);
            }
        }
        if (keys.size() > 1) {
            columns.add("PRIMARY KEY (" + String.join(", ", keys) + ")");
        }
        return columns.toString();
    }

    private static String type(ResultSet column) throws SQLException {
        String type = column.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
        int size = column.getInt("COLUMN_SIZE");
        if (type.contains("(") || size <= 0 || size >= 1_000_000) {
            return type;
        }
        if (type.contains("CHAR")) {
            return type + "(" + size + ")";
        }
        if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            return type + "(" + size + "," + column.getInt("DECIMAL_DIGITS") + ")";
        }
        return type;
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, dialect == SqlDialect.SQLITE ? null : schema, table)) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    private Map<String, String> foreignKeys(String table) throws SQLException {
        Map<String, String> references = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, dialect == SqlDialect.SQLITE ? null : schema, table)) {
            while (rs.next()) {
                references.put(
                        rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_NAME") + "(" + rs.getString("PKCOLUMN_NAME") + ")");
            }
        }
        return references;
    }

    private String samples(String table, int count) throws SQLException {
        StringJoiner rows = new StringJoiner("; ", "  sample rows: ", "\n");
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(count);
            String sql = "SELECT * FROM " + SqlDatabase.quoteIdentifier(table) + " LIMIT " + count;
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringJoiner row = new StringJoiner(", ", "(", ")");
                    for (int i = 1; i <= columns; i++) {
                        row.add(literal(rs.getObject(i)));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows.toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (text.length() > MAX_SAMPLE_TEXT) {
            text = text.substring(0, MAX_SAMPLE_TEXT) + "...";
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
