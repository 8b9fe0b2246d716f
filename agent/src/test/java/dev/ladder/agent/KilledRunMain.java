package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link KilledProcessResumeTest}: runs a graph on a SQLite checkpointer whose
 * node {@code slow} signals through a marker file and then hangs until the test kills the JVM.
 */
public final class KilledRunMain {
    static final Key<List<String>> LOG = Key.appending("log", String.class);
    static final Schema SCHEMA = Schema.of(LOG);

    private KilledRunMain() {}

    /** Arguments: the SQLite file, the thread id, the marker file. */
    public static void main(String[] args) {
        Path database = Path.of(args[0]);
        Path marker = Path.of(args[2]);
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(database, SCHEMA)) {
            graph(checkpointer, marker, true).invoke(Update.empty(), RunConfig.thread(args[1]));
        }
    }

    /** The graph: prepare, then fast and slow in parallel, then done. */
    static CompiledGraph graph(Checkpointer checkpointer, Path marker, boolean hang) {
        return StateGraph.of(SCHEMA)
                .node("prepare", ctx -> Update.of(LOG, List.of("prepare@" + pid())))
                .node("fast", ctx -> Update.of(LOG, List.of("fast@" + pid())))
                .node("slow", ctx -> {
                    if (hang) {
                        touch(marker);
                        sleepForever();
                    }
                    return Update.of(LOG, List.of("slow@" + pid()));
                })
                .node("done", ctx -> Update.of(LOG, List.of("done@" + pid())))
                .edge(START, "prepare")
                .edge("prepare", "fast")
                .edge("prepare", "slow")
                .join(List.of("fast", "slow"), "done")
                .edge("done", END)
                .compile(GraphOptions.builder().checkpointer(checkpointer).build());
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    private static void touch(Path marker) {
        try {
            Files.writeString(marker, "slow started");
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
