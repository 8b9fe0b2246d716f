package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.testsupport.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresCheckpointerTest extends CheckpointerContract {
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

    @Test
    void secondWorkerGetsAClearErrorWhileTheFirstAdvancesTheThread() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompiledGraph workerOne = blocking(open(SCHEMA, Retention.ALL, Duration.ZERO), inside, release);
        CompiledGraph workerTwo = blocking(open(SCHEMA, Retention.ALL, Duration.ZERO), new CountDownLatch(1), release);
        CompletableFuture<RunResult> running =
                CompletableFuture.supplyAsync(() -> workerOne.invoke(Update.empty(), RunConfig.thread("shared")));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> workerTwo.invoke(Update.empty(), RunConfig.thread("shared")))
                .isInstanceOf(ThreadBusyException.class)
                .hasMessage("thread 'shared' is being advanced by another worker: try again once it has finished,"
                        + " or set JdbcCheckpointer.Builder.lockWait to wait for it");
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).get(TOTAL)).isEqualTo(1);
    }

    @Test
    void waitingWorkerContinuesTheThreadAfterTheFirstFinishes() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompiledGraph workerOne = blocking(open(SCHEMA, Retention.ALL, Duration.ZERO), inside, release);
        CompiledGraph workerTwo =
                blocking(open(SCHEMA, Retention.ALL, Duration.ofSeconds(20)), new CountDownLatch(1), release);
        CompletableFuture<RunResult> one =
                CompletableFuture.supplyAsync(() -> workerOne.invoke(Update.empty(), RunConfig.thread("queued")));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RunResult> two =
                CompletableFuture.supplyAsync(() -> workerTwo.invoke(Update.empty(), RunConfig.thread("queued")));

        release.countDown();

        assertThat(one.get(20, TimeUnit.SECONDS).get(TOTAL)).isEqualTo(1);
        assertThat(two.get(20, TimeUnit.SECONDS).get(TOTAL)).isEqualTo(2);
    }

    private static CompiledGraph blocking(Checkpointer checkpointer, CountDownLatch inside, CountDownLatch release) {
        return StateGraph.of(SCHEMA)
                .node("work", ctx -> {
                    inside.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Update.of(TOTAL, 1);
                })
                .edge(START, "work")
                .edge("work", END)
                .compile(GraphOptions.builder().checkpointer(checkpointer).build());
    }

    private JdbcCheckpointer open(Schema schema, Retention retention, Duration lockWait) {
        JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(Servers.postgresUrl(), schema)
                .tablePrefix(prefix)
                .retention(retention)
                .lockWait(lockWait)
                .build();
        opened.add(checkpointer);
        return checkpointer;
    }
}
