package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A worker JVM for {@link PostgresWorkerProcessTest}: advances one thread on a PostgreSQL
 * checkpointer and hangs inside its node, holding the thread's lock, until the test kills it.
 */
public final class PostgresWorkerMain {
    private PostgresWorkerMain() {}

    /** Arguments: the JDBC URL, the table prefix, the thread id, the marker file. */
    public static void main(String[] args) {
        Path marker = Path.of(args[3]);
        JdbcCheckpointer checkpointer = JdbcCheckpointer.builder(args[0], CheckpointerContract.SCHEMA)
                .tablePrefix(args[1])
                .build();
        StateGraph.of(CheckpointerContract.SCHEMA)
                .node("hang", ctx -> {
                    touch(marker);
                    sleepForever();
                    return Update.empty();
                })
                .edge(START, "hang")
                .edge("hang", END)
                .compile(GraphOptions.builder().checkpointer(checkpointer).build())
                .invoke(Update.of(CheckpointerContract.TOTAL, 1), RunConfig.thread(args[2]));
    }

    private static void touch(Path marker) {
        try {
            Files.writeString(marker, "holding the lock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
