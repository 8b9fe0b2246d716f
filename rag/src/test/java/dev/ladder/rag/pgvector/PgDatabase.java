package dev.ladder.rag.pgvector;

import dev.ladder.core.testsupport.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs SQL on the pgvector test server, one short connection per call (the server serves one at a time). */
final class PgDatabase {
    private PgDatabase() {}

    /**
     * Returns the server's URL with server-side prepared statements turned off: pglite-socket runs
     * every connection in one shared session, so statement names of a closed connection would
     * collide with the next connection's.
     */
    static String url() {
        String url = Servers.pgvectorUrl();
        return url + (url.contains("?") ? "&" : "?") + "prepareThreshold=0";
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> strings(String sql) {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
