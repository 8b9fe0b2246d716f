package dev.ladder.peft;

import static dev.ladder.peft.FakeFineTuningClient.event;
import static dev.ladder.peft.FakeFineTuningClient.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.CancelledException;
import dev.ladder.core.ConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobWatcherTest {
    private final FakeFineTuningClient client = new FakeFineTuningClient();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    private final JobListener recorder = new JobListener() {
        @Override
        public void onStatus(FineTuneJob job) {
            seen.add("status " + job.status());
        }

        @Override
        public void onEvent(JobEvent event) {
            seen.add("event " + event.id());
        }

        @Override
        public void onMetrics(TrainingMetrics metrics) {
            seen.add("metrics " + metrics.step() + " " + metrics.values().get("train_loss"));
        }

        @Override
        public void onCheckpoint(Checkpoint checkpoint) {
            seen.add("checkpoint " + checkpoint.step());
        }
    };

    @Test
    void returnsTheJobOnceItSucceeds() {
        client.then(JobStatus.QUEUED).then(JobStatus.RUNNING).then(JobStatus.SUCCEEDED);

        FineTuneJob job = watcher().watch("ftjob-1", recorder);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(client.retrieves).isEqualTo(3);
    }

    @Test
    void reportsStatusChangesOnlyWhenTheyHappen() {
        client.then(JobStatus.QUEUED)
                .then(JobStatus.QUEUED)
                .then(JobStatus.RUNNING)
                .then(JobStatus.FAILED);

        watcher().watch("ftjob-1", recorder);

        assertThat(seen).containsExactly("status QUEUED", "status RUNNING", "status FAILED");
    }

    @Test
    void reportsEachEventOnceOldestFirstAndMetricsAfterTheEvents() {
        client.then(JobStatus.RUNNING, event("e1", "started"), metrics("e2", 1, 0.9))
                .then(JobStatus.RUNNING, metrics("e3", 2, 0.5))
                .then(JobStatus.SUCCEEDED, event("e4", "done"));

        watcher().watch("ftjob-1", recorder);

        assertThat(seen)
                .containsExactly(
                        "status RUNNING",
                        "event e1",
                        "event e2",
                        "metrics 1 0.9",
                        "event e3",
                        "metrics 2 0.5",
                        "status SUCCEEDED",
                        "event e4");
    }

    @Test
    void resumesAfterTheLastSeenEvent() {
        client.then(JobStatus.RUNNING, event("e1", "started"), event("e2", "epoch 1"), event("e3", "epoch 2"))
                .then(JobStatus.SUCCEEDED);

        watcher().watch("ftjob-1", WatchPosition.afterEvent("e2"), recorder);

        assertThat(seen).containsExactly("status RUNNING", "event e3", "status SUCCEEDED");
    }

    @Test
    void resumesWithoutReportingMetricsOrCheckpointsAgain() {
        client.thenCheckpoint(JobStatus.RUNNING, checkpoint(100))
                .then(JobStatus.RUNNING, metrics("e1", 1, 0.9), metrics("e2", 2, 0.5))
                .thenCheckpoint(JobStatus.SUCCEEDED, checkpoint(200));
        WatchPosition stored = new WatchPosition("e1", 1, Set.of("ckpt-100"));

        watcher().watch("ftjob-1", WatchPosition.parse(stored.toString()), recorder);

        assertThat(seen)
                .containsExactly("status RUNNING", "event e2", "metrics 2 0.5", "status SUCCEEDED", "checkpoint 200");
    }

    @Test
    void handsTheListenerEachNewPositionToStore() {
        List<WatchPosition> positions = new ArrayList<>();
        client.then(JobStatus.RUNNING, metrics("e1", 1, 0.9))
                .then(JobStatus.RUNNING)
                .thenCheckpoint(JobStatus.SUCCEEDED, checkpoint(100));

        watcher().watch("ftjob-1", new JobListener() {
            @Override
            public void onPosition(WatchPosition position) {
                positions.add(position);
            }
        });

        assertThat(positions)
                .containsExactly(new WatchPosition("e1", 1, Set.of()), new WatchPosition("e1", 1, Set.of("ckpt-100")));
    }

    @Test
    void asksTheClientForMetricsOnEveryPoll() {
        client.then(JobStatus.RUNNING).then(JobStatus.RUNNING).then(JobStatus.SUCCEEDED);

        watcher().watch("ftjob-1", recorder);

        assertThat(client.metricsCalls).isEqualTo(3);
    }

    @Test
    void reportsNewCheckpoints() {
        client.thenCheckpoint(JobStatus.RUNNING, checkpoint(100))
                .thenCheckpoint(JobStatus.RUNNING, checkpoint(200))
                .then(JobStatus.SUCCEEDED);

        watcher().watch("ftjob-1", recorder);

        assertThat(seen).containsExactly("status RUNNING", "checkpoint 100", "checkpoint 200", "status SUCCEEDED");
    }

    @Test
    void backsOffWhileNothingChangesAndResetsOnChange() {
        client.then(JobStatus.QUEUED)
                .then(JobStatus.QUEUED)
                .then(JobStatus.QUEUED)
                .then(JobStatus.QUEUED)
                .then(JobStatus.RUNNING)
                .then(JobStatus.SUCCEEDED);

        watcher().watch("ftjob-1", recorder);

        assertThat(sleeps).containsExactly(ms(100), ms(200), ms(400), ms(400), ms(100));
    }

    @Test
    void toleratesRetriableFailures() {
        client.then(JobStatus.RUNNING)
                .thenFail(new ConnectionException("connection reset", null))
                .then(JobStatus.SUCCEEDED);

        assertThat(watcher().watch("ftjob-1", recorder).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void deliversTheFinalEventsEvenWhenListingThemFailedOnce() {
        client.then(JobStatus.SUCCEEDED, event("e1", "done"))
                .then(JobStatus.SUCCEEDED)
                .failNextEventListing(new ConnectionException("connection reset", null));

        watcher().watch("ftjob-1", recorder);

        assertThat(seen).containsExactly("status SUCCEEDED", "event e1");
    }

    @Test
    void stopsOnNonRetriableFailure() {
        AuthenticationException denied =
                new AuthenticationException("bad key", 401, Map.of(), "", null, "invalid_api_key");
        client.then(JobStatus.RUNNING).thenFail(denied);

        assertThatThrownBy(() -> watcher().watch("ftjob-1", recorder)).isSameAs(denied);
    }

    @Test
    void stopsAfterTooManyRetriableFailuresInARow() {
        ConnectionException down = new ConnectionException("connection refused", null);
        client.thenFail(down).thenFail(down).thenFail(down);
        JobWatcher watcher = builder().maxConsecutiveFailures(2).build();

        assertThatThrownBy(() -> watcher.watch("ftjob-1", recorder)).isSameAs(down);
    }

    @Test
    void timesOutWithTheLastEventIdToResumeFrom() {
        client.then(JobStatus.RUNNING, event("e1", "started"));
        JobWatcher watcher = builder().timeout(Duration.ofMillis(250)).build();

        assertThatThrownBy(() -> watcher.watch("ftjob-1", recorder))
                .isInstanceOfSatisfying(WatchTimeoutException.class, e -> {
                    assertThat(e.jobId()).isEqualTo("ftjob-1");
                    assertThat(e.position()).isEqualTo(WatchPosition.afterEvent("e1"));
                    assertThat(e.lastSeen().status()).isEqualTo(JobStatus.RUNNING);
                })
                .hasMessage("job ftjob-1 did not finish within PT0.25S: it keeps running; watch again from the"
                        + " exception's position to resume");
    }

    @Test
    void keepsWatchingWhenTheListenerThrows() {
        client.then(JobStatus.RUNNING).then(JobStatus.SUCCEEDED);
        JobListener failing = new JobListener() {
            @Override
            public void onStatus(FineTuneJob job) {
                throw new IllegalStateException("listener bug");
            }
        };

        assertThat(watcher().watch("ftjob-1", failing).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void turnsInterruptIntoCancelledAndKeepsTheFlag() {
        client.then(JobStatus.RUNNING);
        JobWatcher watcher = JobWatcher.builder(client)
                .sleeper(d -> {
                    throw new InterruptedException();
                })
                .build();

        try {
            assertThatThrownBy(() -> watcher.watch("ftjob-1", recorder))
                    .isInstanceOf(CancelledException.class)
                    .hasMessage("watch interrupted; the job keeps running at the provider");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private JobWatcher watcher() {
        return builder().build();
    }

    private JobWatcher.Builder builder() {
        return JobWatcher.builder(client)
                .initialInterval(ms(100))
                .maxInterval(ms(400))
                .multiplier(2)
                .clock(clock)
                .sleeper(d -> {
                    sleeps.add(d);
                    clock.now = clock.now.plus(d);
                });
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static Checkpoint checkpoint(long step) {
        return new Checkpoint("ckpt-" + step, step, Instant.EPOCH, "model:ckpt-" + step, null, Map.of());
    }

    /** A clock the fake sleeper advances. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
