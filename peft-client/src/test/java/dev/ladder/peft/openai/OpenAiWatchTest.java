package dev.ladder.peft.openai;

import static dev.ladder.peft.testing.Payloads.json;
import static dev.ladder.peft.testing.Payloads.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.JobListener;
import dev.ladder.peft.JobStatus;
import dev.ladder.peft.JobWatcher;
import dev.ladder.peft.TrainingMetrics;
import dev.ladder.peft.WatchPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch over the real OpenAI client, replaying spec payloads poll by poll: the job is queued with
 * two metrics events logged, then succeeded with the spec's events and checkpoints on top.
 */
class OpenAiWatchTest {
    private static final String EMPTY_PAGE = "{\"object\": \"list\", \"data\": [], \"has_more\": false}";
    private static final String TRAINING_PAGE = "{\"object\": \"list\", \"has_more\": false, \"data\": ["
            + metricsEvent("ftevent-3", 20, 0.31) + ", " + metricsEvent("ftevent-2", 10, 0.52) + ", "
            + "{\"object\": \"fine_tuning.job.event\", \"id\": \"ftevent-1\", \"created_at\": 1721764000, \"level\":"
            + " \"info\", \"message\": \"Fine-tuning job started\", \"data\": null, \"type\": \"message\"}]}";
    private static final String LAST_ON_SPEC_PAGE = "ft-event-tyiGuB72evQncpH87xe505Sv";

    private final MockWebServer server = new MockWebServer();
    private final List<String> seen = new ArrayList<>();
    private final List<WatchPosition> positions = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private OpenAiFineTuning client;

    private final JobListener recorder = new JobListener() {
        @Override
        public void onStatus(FineTuneJob job) {
            seen.add("status " + job.rawStatus());
        }

        @Override
        public void onEvent(JobEvent event) {
            seen.add("event " + event.id());
        }

        @Override
        public void onMetrics(TrainingMetrics metrics) {
            seen.add("metrics " + metrics.step() + " loss " + metrics.values().get("train_loss"));
        }

        @Override
        public void onCheckpoint(Checkpoint checkpoint) {
            seen.add("checkpoint " + checkpoint.step());
        }

        @Override
        public void onPosition(WatchPosition position) {
            positions.add(position);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
        server.start();
        client = OpenAiServer.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void watchesAJobFromQueuedToSucceededWithMetricsAndCheckpoints() {
        FineTuneJob job = watcher().watch("ftjob-abc123", recorder);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen)
                .containsExactly(
                        "status queued",
                        "event ftevent-1",
                        "event ftevent-2",
                        "event ftevent-3",
                        "metrics 10 loss 0.52",
                        "metrics 20 loss 0.31",
                        "status succeeded",
                        "event " + LAST_ON_SPEC_PAGE,
                        "event ft-event-ddTJfwuMVpfLXseO0Am0Gqjm",
                        "checkpoint 1000",
                        "checkpoint 2000");
        assertThat(positions.get(positions.size() - 1).toString())
                .isEqualTo(
                        "event=ft-event-ddTJfwuMVpfLXseO0Am0Gqjm;step=20;checkpoints=ftckpt_enQCFmOTGj3syEpYVhBRLTSy,"
                                + "ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB");
    }

    @Test
    void resumesFromAStoredPositionWithoutReportingAnythingTwice() {
        JobWatcher watcher = watcher();
        watcher.watch("ftjob-abc123", recorder);
        WatchPosition afterFirstPoll = positions.get(0);
        seen.clear();
        polls.set(0);

        watcher.watch("ftjob-abc123", WatchPosition.parse(afterFirstPoll.toString()), recorder);

        assertThat(afterFirstPoll).isEqualTo(new WatchPosition("ftevent-3", 20, java.util.Set.of()));
        assertThat(seen)
                .containsExactly(
                        "status queued",
                        "status succeeded",
                        "event " + LAST_ON_SPEC_PAGE,
                        "event ft-event-ddTJfwuMVpfLXseO0Am0Gqjm",
                        "checkpoint 1000",
                        "checkpoint 2000");
    }

    private JobWatcher watcher() {
        return JobWatcher.builder(client)
                .initialInterval(Duration.ofMillis(1))
                .maxInterval(Duration.ofMillis(1))
                .sleeper(d -> {})
                .build();
    }

    private MockResponse respond(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String after = request.getUrl().queryParameter("after");
        boolean succeeded = polls.get() > 1;
        if (path.equals("/v1/fine_tuning/jobs/ftjob-abc123")) {
            return polls.incrementAndGet() == 1
                    ? ok("openai-openapi/job-resume.json")
                    : ok("openai-openapi/job-retrieve.json");
        }
        if (path.endsWith("/events")) {
            if (!succeeded || LAST_ON_SPEC_PAGE.equals(after)) {
                return json(200, TRAINING_PAGE);
            }
            return ok("openai-openapi/events.json");
        }
        if (path.endsWith("/checkpoints")) {
            return succeeded && after == null ? ok("openai-openapi/checkpoints.json") : json(200, EMPTY_PAGE);
        }
        return json(404, "{\"error\": {\"message\": \"unexpected " + path + "\"}}");
    }

    private static String metricsEvent(String id, int step, double loss) {
        return "{\"object\": \"fine_tuning.job.event\", \"id\": \"" + id + "\", \"created_at\": 1721764" + step
                + ", \"level\": \"info\", \"message\": \"Step " + step + "/100: training loss=" + loss + "\","
                + " \"type\": \"metrics\", \"data\": {\"step\": " + step + ", \"train_loss\": " + loss
                + ", \"train_mean_token_accuracy\": 0.9}}";
    }
}
