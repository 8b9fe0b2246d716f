package dev.ladder.peft;

import dev.ladder.core.CancelledException;
import dev.ladder.core.LadderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a fine-tuning job to finish by polling its status, events, training metrics and
 * checkpoints, and reports each change to a {@link JobListener}. The poll interval starts short, grows
 * by a factor while nothing changes and falls back to the start when something does. Retriable errors
 * (connection, rate limit, server) are tolerated up to a number in a row. The watch holds no state
 * but the job id and a {@link WatchPosition}, which the listener receives as it moves, so after a JVM
 * restart it resumes where it stopped, reporting nothing twice. Immutable and thread-safe; each
 * {@code watch} call blocks its thread.
 */
public final class JobWatcher {
    private static final Logger log = LoggerFactory.getLogger(JobWatcher.class);

    private final FineTuningClient client;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final double multiplier;
    private final Duration timeout;
    private final int maxConsecutiveFailures;
    private final Sleeper sleeper;
    private final Clock clock;

    private JobWatcher(Builder b) {
        this.client = b.client;
        this.initialInterval = b.initialInterval;
        this.maxInterval = b.maxInterval;
        this.multiplier = b.multiplier;
        this.timeout = b.timeout;
        this.maxConsecutiveFailures = b.maxConsecutiveFailures;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /** Returns a builder for a watcher over {@code client}: 5 s first interval, x1.5, at most 60 s, 24 h. */
    public static Builder builder(FineTuningClient client) {
        return new Builder(client);
    }

    /**
     * Waits for job {@code jobId} to reach a terminal status, reporting everything from the start.
     *
     * @return the job in its terminal status.
     * @throws WatchTimeoutException if the timeout passes first; the job keeps running.
     * @throws CancelledException if the thread is interrupted; the interrupt flag is kept.
     * @throws LadderException if a poll fails with a non-retriable error, or too many in a row fail.
     */
    public FineTuneJob watch(String jobId, JobListener listener) {
        return watch(jobId, WatchPosition.START, listener);
    }

    /**
     * Resumes waiting for job {@code jobId}, reporting only what comes after {@code from}: events newer
     * than its last event, metrics of later steps, and checkpoints it does not list. Pass the position
     * last given to {@link JobListener#onPosition}, or the one in a {@link WatchTimeoutException}.
     *
     * @return the job in its terminal status.
     * @throws WatchTimeoutException if the timeout passes first; the job keeps running.
     * @throws CancelledException if the thread is interrupted; the interrupt flag is kept.
     * @throws LadderException if a poll fails with a non-retriable error, or too many in a row fail.
     */
    public FineTuneJob watch(String jobId, WatchPosition from, JobListener listener) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(listener, "listener");
        Watch watch = new Watch(jobId, from, listener);
        Instant deadline = clock.instant().plus(timeout);
        Duration interval = initialInterval;
        int failures = 0;
        while (true) {
            boolean changed = false;
            boolean complete = false;
            try {
                changed = watch.poll();
                complete = true;
                failures = 0;
            } catch (LadderException e) {
                failures = tolerate(jobId, e, failures);
            }
            if (complete && watch.last.status().terminal()) {
                return watch.last;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new WatchTimeoutException(
                        "job " + jobId + " did not finish within " + timeout + ": it keeps"
                                + " running; watch again from the exception's position to resume",
                        jobId,
                        watch.position,
                        watch.last);
            }
            interval = changed ? initialInterval : next(interval);
            sleep(interval);
        }
    }

    private int tolerate(String jobId, LadderException e, int failures) {
        if (!e.retriable() || failures + 1 > maxConsecutiveFailures) {
            throw e;
        }
        log.warn(
                "polling fine-tuning job {} failed ({} in a row), trying again: {}",
                jobId,
                failures + 1,
                e.getMessage());
        return failures + 1;
    }

    private Duration next(Duration interval) {
        long millis = (long) Math.min(maxInterval.toMillis(), interval.toMillis() * multiplier);
        return Duration.ofMillis(millis);
    }

    private void sleep(Duration interval) {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("watch interrupted; the job keeps running at the provider");
        }
    }

    /** The state of one watch. Not thread-safe. */
    private final class Watch {
        private final String jobId;
        private final JobListener listener;
        private WatchPosition position;
        private FineTuneJob last;

        Watch(String jobId, WatchPosition from, JobListener listener) {
            this.jobId = jobId;
            this.position = from;
            this.listener = listener;
        }

        boolean poll() {
            FineTuneJob job = client.retrieve(jobId);
            boolean changed = last == null
                    || last.status() != job.status()
                    || !last.rawStatus().equals(job.rawStatus());
            last = job;
            if (changed) {
                notify(listener::onStatus, job);
            }
            WatchPosition before = position;
            boolean reported = events() | metrics() | checkpoints();
            if (!position.equals(before)) {
                notify(listener::onPosition, position);
            }
            return reported || changed;
        }

        private boolean events() {
            List<JobEvent> fresh = new ArrayList<>();
            for (JobEvent event : client.events(jobId)) {
                if (event.id().equals(position.lastEventId())) {
                    break;
                }
                fresh.add(event);
            }
            Collections.reverse(fresh);
            for (JobEvent event : fresh) {
                position = position.withEvent(event.id());
                notify(listener::onEvent, event);
            }
            return !fresh.isEmpty();
        }

        private boolean metrics() {
            boolean reported = false;
            for (TrainingMetrics metrics : client.metrics(jobId, position.lastMetricsStep())) {
                if (metrics.step() > position.lastMetricsStep()) {
                    position = position.withMetricsStep(metrics.step());
                    notify(listener::onMetrics, metrics);
                    reported = true;
                }
            }
            return reported;
        }

        private boolean checkpoints() {
            List<Checkpoint> fresh = new ArrayList<>();
            for (Checkpoint checkpoint : client.checkpoints(jobId)) {
                if (!position.checkpointIds().contains(checkpoint.id())) {
                    fresh.add(checkpoint);
                }
            }
            fresh.sort(Comparator.comparingLong(Checkpoint::step));
            for (Checkpoint checkpoint : fresh) {
                position = position.withCheckpoint(checkpoint.id());
                notify(listener::onCheckpoint, checkpoint);
            }
            return !fresh.isEmpty();
        }

        private <T> void notify(Consumer<T> callback, T value) {
            try {
                callback.accept(value);
            } catch (RuntimeException e) {
                log.warn("job listener failed on {} of job {}; the watch goes on", value, jobId, e);
            }
        }
    }

    /** Waits between polls; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Blocks for {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Collects the settings of a {@link JobWatcher}. Not thread-safe. */
    public static final class Builder {
        private final FineTuningClient client;
        private Duration initialInterval = Duration.ofSeconds(5);
        private Duration maxInterval = Duration.ofSeconds(60);
        private double multiplier = 1.5;
        private Duration timeout = Duration.ofHours(24);
        private int maxConsecutiveFailures = 5;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();

        private Builder(FineTuningClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Sets the first poll interval, used again after each change; default 5 s. */
        public Builder initialInterval(Duration initialInterval) {
            this.initialInterval = positive(initialInterval, "initialInterval");
            return this;
        }

        /** Sets the longest poll interval; default 60 s. */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = positive(maxInterval, "maxInterval");
            return this;
        }

        /** Sets the factor the interval grows by while nothing changes; at least 1, default 1.5. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("multiplier must be at least 1 but was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Sets how long one watch waits before it throws {@link WatchTimeoutException}; default 24 h. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** Sets how many retriable poll failures in a row are tolerated; default 5. */
        public Builder maxConsecutiveFailures(int maxConsecutiveFailures) {
            if (maxConsecutiveFailures < 0) {
                throw new IllegalArgumentException(
                        "maxConsecutiveFailures must not be negative but was " + maxConsecutiveFailures);
            }
            this.maxConsecutiveFailures = maxConsecutiveFailures;
            return this;
        }

        /** Sets how the watcher waits between polls; default {@link Thread#sleep}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Sets the clock the timeout is measured on; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the watcher.
         *
         * @throws IllegalArgumentException if the first interval exceeds the longest.
         */
        public JobWatcher build() {
            if (initialInterval.compareTo(maxInterval) > 0) {
                throw new IllegalArgumentException("initialInterval " + initialInterval + " exceeds maxInterval "
                        + maxInterval + ": lower it or raise maxInterval");
            }
            return new JobWatcher(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
