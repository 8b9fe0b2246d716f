package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Behaviour of a {@link JdbcCheckpointer} on any database: several workers over one database. */
abstract class JdbcCheckpointerContract extends CheckpointerContract {

    /** Returns a checkpointer of its own over this test's database, as another worker would open it. */
    abstract JdbcCheckpointer open(Schema schema, Retention retention, Duration lockWait);

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
                .hasMessageStartingWith("thread 'shared' is being advanced by another worker")
                .hasMessageEndingWith(
                        ": try again once it has finished, or set JdbcCheckpointer.Builder.lockWait to wait for it");
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).get(TOTAL)).isEqualTo(1);
    }

    @Test
    void otherThreadsRunWhileOneIsHeld() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompiledGraph workerOne = blocking(open(SCHEMA, Retention.ALL, Duration.ZERO), inside, release);
        CompiledGraph workerTwo = counter(GraphOptions.builder()
                .checkpointer(open(SCHEMA, Retention.ALL, Duration.ZERO))
                .build());
        CompletableFuture<RunResult> running =
                CompletableFuture.supplyAsync(() -> workerOne.invoke(Update.empty(), RunConfig.thread("held")));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        RunResult other = workerTwo.invoke(Update.empty(), RunConfig.thread("free"));

        release.countDown();
        assertThat(other.get(TOTAL)).isEqualTo(3);
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
                    awaitQuietly(release);
                    return Update.of(TOTAL, 1);
                })
                .edge(START, "work")
                .edge("work", END)
                .compile(GraphOptions.builder().checkpointer(checkpointer).build());
    }
}
