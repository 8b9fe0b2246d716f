package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointerTest extends JdbcCheckpointerContract {
    @TempDir
    Path dir;

    private final List<JdbcCheckpointer> opened = new ArrayList<>();
    private JdbcCheckpointer first;

    @Override
    Checkpointer checkpointer() {
        if (first == null) {
            first = open(SCHEMA, Retention.ALL);
        }
        return first;
    }

    @Override
    Checkpointer reopen() {
        return open(SCHEMA, Retention.ALL);
    }

    @Override
    Checkpointer checkpointerFor(Schema schema) {
        return open(schema, Retention.ALL);
    }

    @Override
    Checkpointer withRetention(Retention retention) {
        return open(SCHEMA, retention);
    }

    @Override
    int storedWrites(String threadId) {
        return countWrites(url(), "agent_writes", threadId);
    }

    static int countWrites(String url, String table, String threadId) {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE thread_id = ?")) {
            query.setString(1, threadId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeAll() {
        opened.forEach(JdbcCheckpointer::close);
    }

    @Test
    void storedValueThatNoLongerMatchesItsKeyFailsNamingTheKey() throws Exception {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.empty(), RunConfig.thread("broken"));
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE agent_checkpoints SET body = replace(body, '\"total\":3', '\"total\":\"three\"')");
        }

        assertThatThrownBy(() -> graph.state("broken"))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("cannot read state key 'total' of checkpoint '")
                .hasMessageEndingWith("of thread 'broken' as java.lang.Integer: Expected NUMBER but was three,"
                        + " a java.lang.String, at path $; the key's type changed since it was stored");
    }

    @Test
    void checkpointOfANewerFormatVersionFailsAskingForAnUpgrade() throws Exception {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.empty(), RunConfig.thread("future"));
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE agent_checkpoints SET body = replace(body, '\"version\":1', '\"version\":2')");
        }

        assertThatThrownBy(() -> graph.state("future"))
                .isInstanceOf(CheckpointException.class)
                .hasMessage("a stored ladder-checkpoint has format version 2, newer than this Ladder reads (1):"
                        + " upgrade Ladder to read it");
    }

    @Test
    void storedKeyMissingFromTheSchemaFailsNamingTheKey() {
        counter(options().build()).invoke(Update.of(TEXT, "hello"), RunConfig.thread("schema"));
        Key<Integer> total = Key.reduced("total", Integer.class, 0, Integer::sum);
        CompiledGraph narrower = StateGraph.of(Schema.of(total))
                .node("n", ctx -> Update.empty())
                .edge(START, "n")
                .edge("n", END)
                .compile(GraphOptions.builder()
                        .checkpointer(open(Schema.of(total), Retention.ALL))
                        .build());

        assertThatThrownBy(() -> narrower.state("schema"))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("state key 'text' stored in checkpoint '")
                .hasMessageEndingWith("is not declared in the graph's schema: declare it, or start a new thread");
    }

    /** A value type stored in state. */
    public record Point(int x, int y, List<String> tags) {}

    @Test
    void recordsAndGenericValuesComeBackWithTheirTypes() {
        Key<Point> point = Key.of("point", Point.class);
        Key<Map<String, List<Integer>>> scores = Key.of(
                "scores",
                Types.newParameterizedType(
                        Map.class, String.class, Types.newParameterizedType(List.class, Integer.class)));
        Schema schema = Schema.of(point, scores);
        CompiledGraph graph = StateGraph.of(schema)
                .node(
                        "n",
                        ctx -> Update.of(point, new Point(1, 2, List.of("a")))
                                .and(scores, Map.of("ada", List.of(3, 4))))
                .edge(START, "n")
                .edge("n", END)
                .compile(GraphOptions.builder()
                        .checkpointer(open(schema, Retention.ALL))
                        .build());
        graph.invoke(Update.empty(), RunConfig.thread("typed"));

        State restored = new State(
                schema,
                open(schema, Retention.ALL).latest("typed").orElseThrow().values());

        assertThat(restored.get(point)).isEqualTo(new Point(1, 2, List.of("a")));
        assertThat(restored.get(scores)).isEqualTo(Map.of("ada", List.of(3, 4)));
    }

    private JdbcCheckpointer open(Schema schema, Retention retention) {
        return open(schema, retention, Duration.ZERO);
    }

    @Override
    JdbcCheckpointer open(Schema schema, Retention retention, Duration lockWait) {
        JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(url(), schema)
                .tablePrefix("agent_")
                .retention(retention)
                .lockWait(lockWait)
                .build();
        opened.add(checkpointer);
        return checkpointer;
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("checkpoints.db");
    }
}
