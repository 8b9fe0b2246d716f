package dev.ladder.agent;

import dev.ladder.core.testsupport.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class PostgresCheckpointerTest extends JdbcCheckpointerContract {
    private final String prefix =
            "agent_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    private final List<JdbcCheckpointer> opened = new ArrayList<>();
    private JdbcCheckpointer first;

    @Override
    Checkpointer checkpointer() {
        if (first == null) {
            first = open(SCHEMA, Retention.ALL, Duration.ZERO);
        }
        return first;
    }

    @Override
    Checkpointer reopen() {
        return open(SCHEMA, Retention.ALL, Duration.ZERO);
    }

    @Override
    Checkpointer checkpointerFor(Schema schema) {
        return open(schema, Retention.ALL, Duration.ZERO);
    }

    @Override
    Checkpointer withRetention(Retention retention) {
        return open(SCHEMA, retention, Duration.ZERO);
    }

    @Override
    int storedWrites(String threadId) {
        return SqliteCheckpointerTest.countWrites(Servers.postgresUrl(), prefix + "writes", threadId);
    }

    @AfterEach
    void dropTables() throws Exception {
        opened.forEach(JdbcCheckpointer::close);
        if (opened.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(Servers.postgresUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "checkpoints, " + prefix + "writes");
        }
    }

    @Override
    JdbcCheckpointer open(Schema schema, Retention retention, Duration lockWait) {
        JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(Servers.postgresUrl(), schema)
                .tablePrefix(prefix)
                .retention(retention)
                .lockWait(lockWait)
                .build();
        opened.add(checkpointer);
        return checkpointer;
    }
}
