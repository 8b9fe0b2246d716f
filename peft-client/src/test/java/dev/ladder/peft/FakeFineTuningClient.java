package dev.ladder.peft;

import dev.ladder.core.LadderException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A scripted provider: each retrieve takes the next scripted step, which may add events or checkpoints. */
final class FakeFineTuningClient implements FineTuningClient {
    private final Deque<Object> script = new ArrayDeque<>();
    private final List<JobEvent> events = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private JobStatus status = JobStatus.QUEUED;
    private LadderException eventFailure;
    int retrieves;
    int metricsCalls;

    FakeFineTuningClient then(JobStatus next, JobEvent... newEvents) {
        script.add(new Step(next, List.of(newEvents), List.of()));
        return this;
    }

    FakeFineTuningClient thenCheckpoint(JobStatus next, Checkpoint checkpoint) {
        script.add(new Step(next, List.of(), List.of(checkpoint)));
        return this;
    }

    FakeFineTuningClient failNextEventListing(LadderException failure) {
        eventFailure = failure;
        return this;
    }

    FakeFineTuningClient thenFail(LadderException failure) {
        script.add(failure);
        return this;
    }

    static JobEvent event(String id, String message) {
        return new JobEvent(id, Instant.EPOCH, "info", "message", message, Map.of());
    }

    static JobEvent metrics(String id, double step, double loss) {
        return new JobEvent(id, Instant.EPOCH, "info", "metrics", "", Map.of("step", step, "train_loss", loss));
    }

    static FineTuneJob job(JobStatus status) {
        return new FineTuneJob(
                "ftjob-1",
                "base",
                status,
                status.name().toLowerCase(java.util.Locale.ROOT),
                null,
                Hyperparameters.AUTO,
                "file-1",
                null,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                Map.of());
    }

    @Override
    public FineTuneJob retrieve(String jobId) {
        retrieves++;
        Object next = script.isEmpty() ? new Step(status, List.of(), List.of()) : script.poll();
        if (next instanceof LadderException failure) {
            throw failure;
        }
        Step step = (Step) next;
        status = step.status;
        events.addAll(step.events);
        checkpoints.addAll(step.checkpoints);
        return job(status);
    }

    @Override
    public Iterable<JobEvent> events(String jobId) {
        if (eventFailure != null) {
            LadderException failure = eventFailure;
            eventFailure = null;
            throw failure;
        }
        List<JobEvent> newestFirst = new ArrayList<>(events);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Iterable<Checkpoint> checkpoints(String jobId) {
        List<Checkpoint> newestFirst = new ArrayList<>(checkpoints);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Reads metrics from the metrics events, as OpenAI reports them. */
    @Override
    public List<TrainingMetrics> metrics(String jobId, long afterStep) {
        metricsCalls++;
        return events.stream()
                .filter(e -> e.type().equals("metrics") && e.metrics().get("step") > afterStep)
                .map(e -> new TrainingMetrics(e.metrics().get("step").longValue(), e.metrics()))
                .toList();
    }

    @Override
    public UploadedFile upload(Path file) {
        throw new UnsupportedOperationException("the watcher never uploads");
    }

    @Override
    public FineTuneJob cancel(String jobId) {
        throw new UnsupportedOperationException("the watcher never cancels");
    }

    @Override
    public Iterable<FineTuneJob> jobs() {
        throw new UnsupportedOperationException("the watcher never lists jobs");
    }

    private record Step(JobStatus status, List<JobEvent> events, List<Checkpoint> checkpoints) {}
}
