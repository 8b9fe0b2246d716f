package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.testsupport.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void threadHeldByAnotherJvmIsBusyUntilThatJvmDiesThenContinuesFromItsCheckpoint() throws Exception {
        String url = Servers.postgresUrl();
        String prefix =
                "agent_p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        Path marker = dir.resolve("holding");
        Process worker = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresWorkerMain.class.getName(),
                        url,
                        prefix,
                        "fleet",
                        marker.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.log").toFile())
                .start();
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(url, CheckpointerContract.SCHEMA)
                .tablePrefix(prefix)
                .build()) {
            awaitMarker(marker, worker);
            CompiledGraph graph = StateGraph.of(CheckpointerContract.SCHEMA)
                    .node("hang", ctx -> Update.of(CheckpointerContract.TOTAL, 10))
                    .edge(START, "hang")
                    .edge("hang", END)
                    .compile(GraphOptions.builder().checkpointer(checkpointer).build());

            assertThatThrownBy(() -> graph.resume(RunConfig.thread("fleet"))).isInstanceOf(ThreadBusyException.class);
            worker.destroyForcibly();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(resumeWhenReleased(graph).get(CheckpointerContract.TOTAL))
                    .isEqualTo(11);
        } finally {
            worker.destroyForcibly();
            drop(url, prefix);
        }
    }

    /** The server notices the dead connection within moments; retry until it has. */
    private static RunResult resumeWhenReleased(CompiledGraph graph) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return graph.resume(RunConfig.thread("fleet"));
            } catch (ThreadBusyException e) {
                if (attempt > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitMarker(Path marker, Process worker) throws InterruptedException {
        for (int i = 0; i < 600 && worker.isAlive(); i++) {
            if (Files.exists(marker)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the worker JVM never reached its node; alive=" + worker.isAlive());
    }

    private static void drop(String url, String prefix) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "checkpoints, " + prefix + "writes");
        }
    }
}
