package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointerTest extends CheckpointerContract {
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

    private JdbcCheckpointer open(Schema schema, Retention retention) {
        JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(url(), schema)
                .tablePrefix("agent_")
                .retention(retention)
                .build();
        opened.add(checkpointer);
        return checkpointer;
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("checkpoints.db");
    }
}
