package dev.ladder.reflection.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fingerprints a database: the tables of one schema (so created and dropped tables show) and a
 * SHA-256 over the sorted rows of each.
 */
final class TableChecksums {
    private TableChecksums() {}

    static Map<String, String> of(Connection connection, String schema) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            sums.put(table, rows(connection, schema, table));
        }
        return sums;
    }

    private static String rows(Connection connection, String schema, String table) throws SQLException {
        String name =
                (schema == null ? "" : SqlDatabase.quoteIdentifier(schema) + ".") + SqlDatabase.quoteIdentifier(table);
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + name)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("\u0001", row));
            }
        }
        rows.sort(null);
        MessageDigest digest = sha256();
        rows.forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return rows.size() + " rows, sha256 " + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
