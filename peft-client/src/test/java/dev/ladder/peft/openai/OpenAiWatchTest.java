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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A watch over the real OpenAI client, replaying spec payloads poll by poll. */
class OpenAiWatchTest {
    private static final String EMPTY_PAGE = "{\"object\": \"list\", \"data\": [], \"has_more\": false}";

    private final MockWebServer server = new MockWebServer();
    private final List<String> seen = new ArrayList<>();
    private OpenAiFineTuning client;

    private final JobListener recorder = new JobListener() {
        @Override
        public void onStatus(FineTuneJob job) {
            seen.add("status " + job.rawStatus());
        }

        @Override
        public void onEvent(JobEvent event) {
            seen.add("event " + event.message());
        }

        @Override
        public void onCheckpoint(Checkpoint checkpoint) {
            seen.add("checkpoint " + checkpoint.step());
        }
    };

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiServer.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void watchesAJobFromQueuedToSucceeded() {
        server.enqueue(ok("openai-openapi/job-resume.json"));
        server.enqueue(ok("openai-openapi/events.json"));
        server.enqueue(json(200, EMPTY_PAGE));
        server.enqueue(json(200, EMPTY_PAGE));
        server.enqueue(ok("openai-openapi/job-retrieve.json"));
        server.enqueue(ok("openai-openapi/events.json"));
        server.enqueue(ok("openai-openapi/checkpoints.json"));
        server.enqueue(json(200, EMPTY_PAGE));
        JobWatcher watcher = JobWatcher.builder(client)
                .initialInterval(Duration.ofMillis(1))
                .maxInterval(Duration.ofMillis(1))
                .sleeper(d -> {})
                .build();

        FineTuneJob job = watcher.watch("ftjob-abc123", recorder);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen)
                .containsExactly(
                        "status queued",
                        "event New fine-tuned model created: ft:gpt-4o-mini:openai::7p4lURel",
                        "event Fine tuning job successfully completed",
                        "status succeeded",
                        "checkpoint 1000",
                        "checkpoint 2000");
        assertThat(server.getRequestCount()).isEqualTo(8);
    }
}
