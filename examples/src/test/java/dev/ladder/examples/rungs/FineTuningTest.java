package dev.ladder.examples.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.RetryPolicy;
import dev.ladder.peft.JobWatcher;
import dev.ladder.peft.openai.OpenAiFineTuning;
import dev.ladder.peft.openai.OpenAiHyperparameters;
import dev.ladder.peft.openai.OpenAiJobRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuningTest {
    private static final String EMPTY_PAGE = "{\"object\": \"list\", \"data\": [], \"has_more\": false}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MockWebServer server = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Recorded());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theShippedDatasetIsReadyAndTheCostIsEstimatedOffline() {
        FineTuning.run(ExampleSupport.resourceCopy(FineTuning.DATASET), Optional.empty(), out);

        assertThat(output())
                .startsWith("Dataset support_chat.jsonl (chat): 12 examples, 0 errors, 0 warnings\n")
                .contains("Ready to upload.\n")
                .contains(" tokens x 3 epochs = ")
                .endsWith("To train on it: set OPENAI_API_KEY or TOGETHER_API_KEY and pass --submit.\n");
    }

    @Test
    void aFlawedDatasetIsReportedByLineAndNothingIsUploaded() throws IOException {
        Path flawed = dir.resolve("flawed.jsonl");
        Files.writeString(flawed, "{\"messages\":[{\"role\":\"assistant\",\"content\":\"Hello!\"}]}\n");

        FineTuning.run(flawed, Optional.of(openAi()), out);

        assertThat(output())
                .startsWith("Dataset flawed.jsonl (chat): 1 example, 2 errors, 1 warning\n")
                .contains("line 1: error missing_user: ")
                .contains("Not ready to upload: fix the errors above.\n")
                .doesNotContain("Uploaded");
        assertThat(requests).isEmpty();
    }

    @Test
    void uploadsStartsTheJobAndWatchesItToTheEnd() {
        FineTuning.run(ExampleSupport.resourceCopy(FineTuning.DATASET), Optional.of(openAi()), out);

        assertThat(output())
                .contains("Uploaded file-abc123; started job ftjob-abc123 on OpenAI"
                        + " (a restarted watch resumes by its id)\n  status queued\n")
                .contains("  status queued\n"
                        + "  event New fine-tuned model created: ft:gpt-4o-mini:openai::7p4lURel\n"
                        + "  event Fine tuning job successfully completed\n"
                        + "  checkpoint at step 1000: ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:7q8mpxmy:ckpt-step-1000\n"
                        + "  checkpoint at step 2000: ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000\n"
                        + "  status succeeded\n")
                .endsWith("Job ftjob-abc123 ended succeeded: model ft:davinci-002:my-org:custom_suffix:7q8mpxmy\n");
        assertThat(requests.subList(0, 2))
                .containsExactly(
                        "POST /v1/files",
                        "POST /v1/fine_tuning/jobs {\"model\":\"gpt-4o-mini-2024-07-18\","
                                + "\"training_file\":\"file-abc123\",\"method\":{\"type\":\"supervised\",\"supervised\":"
                                + "{\"hyperparameters\":{\"n_epochs\":3}}}}");
    }

    private FineTuning.Provider openAi() {
        OpenAiFineTuning client =
                OpenAiFineTuning.create(ClientConfig.builder(server.url("/v1").toString())
                        .apiKey("sk-test")
                        .retryPolicy(RetryPolicy.none())
                        .callTimeout(Duration.ofSeconds(10))
                        .build());
        OpenAiHyperparameters epochs = OpenAiHyperparameters.builder().epochs(3).build();
        JobWatcher watcher = JobWatcher.builder(client)
                .initialInterval(Duration.ofMillis(1))
                .maxInterval(Duration.ofMillis(1))
                .sleeper(pause -> {})
                .build();
        return new FineTuning.Provider(
                "OpenAI",
                client,
                id -> client.create(OpenAiJobRequest.builder("gpt-4o-mini-2024-07-18", id)
                        .supervised(epochs)
                        .build()),
                watcher);
    }

    /** Answers like OpenAI with payloads from its spec: the job is queued once, then succeeded. */
    private final class Recorded extends Dispatcher {
        private int retrievals;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            boolean json =
                    String.valueOf(request.getHeaders().get("Content-Type")).startsWith("application/json");
            requests.add(request.getMethod() + " " + path
                    + (json ? " " + request.getBody().utf8() : ""));
            boolean nextPage = request.getUrl().queryParameter("after") != null;
            return switch (request.getMethod() + " " + path) {
                case "POST /v1/files" -> ok("file.json");
                case "POST /v1/fine_tuning/jobs" -> ok("job-create-default.json");
                case "GET /v1/fine_tuning/jobs/ftjob-abc123" ->
                    ok(retrievals++ == 0 ? "job-create-default.json" : "job-retrieve.json");
                case "GET /v1/fine_tuning/jobs/ftjob-abc123/events" -> nextPage ? json(EMPTY_PAGE) : ok("events.json");
                case "GET /v1/fine_tuning/jobs/ftjob-abc123/checkpoints" ->
                    nextPage ? json(EMPTY_PAGE) : ok("checkpoints.json");
                default -> new MockResponse.Builder().code(404).build();
            };
        }
    }

    private static MockResponse ok(String payload) {
        try (InputStream in = FineTuningTest.class.getResourceAsStream("/openai-openapi/" + payload)) {
            return json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
