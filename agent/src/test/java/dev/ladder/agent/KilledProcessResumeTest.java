package dev.ladder.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledProcessResumeTest {
    @TempDir
    Path dir;

    @Test
    void runOfAKilledJvmIsBusyWhileItLivesThenResumesFromItsSqliteCheckpointRerunningOnlyTheUnfinishedNode()
            throws Exception {
        Path database = dir.resolve("run.db");
        Path marker = dir.resolve("slow-started");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRunMain.class.getName(),
                        database.toString(),
                        "killed",
                        marker.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long childPid = child.pid();
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(database, KilledRunMain.SCHEMA)) {
            awaitFastWriteAndSlowStart(checkpointer, marker, child);
            CompiledGraph graph = KilledRunMain.graph(checkpointer, marker, false);
            assertThatThrownBy(() -> graph.resume(RunConfig.thread("killed")))
                    .isInstanceOf(ThreadBusyException.class)
                    .hasMessageStartingWith("thread 'killed' is being advanced by another worker");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            RunResult resumed = graph.resume(RunConfig.thread("killed"));

            long me = KilledRunMain.pid();
            assertThat(resumed.get(KilledRunMain.LOG))
                    .containsExactly("prepare@" + childPid, "fast@" + childPid, "slow@" + me, "done@" + me);
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitFastWriteAndSlowStart(JdbcCheckpointer checkpointer, Path marker, Process child)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            List<PendingWrite> writes =
                    checkpointer.latest("killed").map(Checkpoint::writes).orElse(List.of());
            if (Files.exists(marker) && writes.stream().anyMatch(w -> w.node().equals("fast"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "the child JVM did not reach the slow node with fast's write stored; alive=" + child.isAlive());
    }
}
