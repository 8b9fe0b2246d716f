package dev.ladder.peft.together;

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
 * A watch over the real Together client: a DPO job running, then completed. Together's events carry no
 * losses, so the losses reach the listener from the metrics endpoint.
 */
class TogetherWatchTest {
    private static final String JOB = "ft-01234567890123456789";

    private final MockWebServer server = new MockWebServer();
    private final List<String> seen = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();

    private final JobListener recorder = new JobListener() {
        @Override
        public void onStatus(FineTuneJob job) {
            seen.add("status " + job.rawStatus());
        }

        @Override
        public void onEvent(JobEvent event) {
            seen.add("event " + event.type());
        }

        @Override
        public void onMetrics(TrainingMetrics metrics) {
            seen.add("metrics " + metrics.step() + " loss " + metrics.values().get("train/loss"));
        }

        @Override
        public void onCheckpoint(Checkpoint checkpoint) {
            seen.add("checkpoint " + checkpoint.step());
        }
    };

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request.getUrl().encodedPath());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsLossesFromTheMetricsEndpoint() {
        JobWatcher watcher = JobWatcher.builder(TogetherServer.client(server))
                .initialInterval(Duration.ofMillis(1))
                .maxInterval(Duration.ofMillis(1))
                .sleeper(d -> {})
                .build();

        FineTuneJob job = watcher.watch(JOB, recorder);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen)
                .containsExactly(
                        "status running",
                        "event job_pending",
                        "event training_start",
                        "event epoch_complete",
                        "metrics 7 loss 0.5",
                        "status completed",
                        "metrics 14 loss 0.45",
                        "checkpoint 20",
                        "checkpoint 40");
    }

    private MockResponse respond(String path) {
        boolean completed = polls.get() > 1;
        if (path.equals("/v1/fine-tunes/" + JOB)) {
            return polls.incrementAndGet() == 1
                    ? ok("together-openapi/job-dpo-running.json")
                    : ok("together-openapi/job-truncated.json");
        }
        if (path.endsWith("/events")) {
            return ok("together-openapi/events.json");
        }
        if (path.endsWith("/metrics")) {
            return completed
                    ? ok("together-openapi/metrics.json")
                    : json(
                            200,
                            "{\"metrics\": [{\"train/loss\": 0.5, \"train/learning_rate\": 0.0001,"
                                    + " \"train/global_step\": 7}]}");
        }
        if (path.endsWith("/checkpoints")) {
            return completed ? ok("together-openapi/checkpoints.json") : json(200, "{\"data\": []}");
        }
        return json(404, "{\"message\": \"unexpected " + path + "\"}");
    }
}
