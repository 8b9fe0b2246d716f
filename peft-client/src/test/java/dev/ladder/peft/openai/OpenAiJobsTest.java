package dev.ladder.peft.openai;

import static dev.ladder.peft.testing.Payloads.json;
import static dev.ladder.peft.testing.Payloads.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.Hyperparameters;
import dev.ladder.peft.JobError;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.JobStatus;
import dev.ladder.peft.TrainingMethod;
import dev.ladder.peft.TrainingMetrics;
import dev.ladder.peft.testing.Payloads;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiJobsTest {
    private static final String EMPTY_PAGE = "{\"object\": \"list\", \"data\": [], \"has_more\": false}";

    private final MockWebServer server = new MockWebServer();
    private OpenAiFineTuning client;

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
    void createsDefaultJobWithoutMethod() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-default.json"));

        FineTuneJob job = client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-BK7bzQj3FfZFXr7DbL6xJwfo")
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-default.request.json"));
        assertThat(job.id()).isEqualTo("ftjob-abc123");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.method()).isEqualTo(TrainingMethod.SUPERVISED);
        assertThat(job.hyperparameters()).isEqualTo(Hyperparameters.AUTO);
    }

    @Test
    void createsSupervisedJobWithEpochs() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-epochs.json"));

        FineTuneJob job = client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-abc123")
                .supervised(OpenAiHyperparameters.builder().epochs(2).build())
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-epochs.request.json"));
        assertThat(job.hyperparameters().epochs()).isEqualTo(2);
        assertThat(job.hyperparameters().batchSize()).isNull();
        assertThat(job.error()).isNull();
    }

    @Test
    void createsDpoJobWithBetaAndValidationFile() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-dpo.json"));

        FineTuneJob job = client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-abc123")
                .validationFile("file-abc123")
                .dpo(OpenAiHyperparameters.builder().beta(0.1).build())
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-dpo.request.json"));
        assertThat(job.method()).isEqualTo(TrainingMethod.DPO);
        assertThat(job.hyperparameters().beta()).isEqualTo(0.1);
        assertThat(job.validationFile()).isEqualTo("file-123");
    }

    @Test
    void createsReinforcementJobWithGrader() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-reinforcement.json"));
        Map<String, Object> grader = Map.of(
                "type", "string_check",
                "name", "Example string check grader",
                "input", "{{sample.output_text}}",
                "reference", "{{item.label}}",
                "operation", "eq");

        FineTuneJob job = client.create(OpenAiJobRequest.builder("o4-mini", "file-abc")
                .validationFile("file-123")
                .reinforcement(
                        grader,
                        OpenAiHyperparameters.builder()
                                .reasoningEffort("medium")
                                .build())
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-reinforcement.request.json"));
        assertThat(job.status()).isEqualTo(JobStatus.VALIDATING);
        assertThat(job.rawStatus()).isEqualTo("validating_files");
        assertThat(job.method()).isEqualTo(TrainingMethod.REINFORCEMENT);
    }

    @Test
    void createsJobWithValidationFile() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-validation-file.json"));

        FineTuneJob job = client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-abc123")
                .validationFile("file-abc123")
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-validation-file.request.json"));
        assertThat(job.validationFile()).isEqualTo("file-abc123");
    }

    @Test
    void createsJobWithWandbIntegration() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-wandb.json"));

        client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-abc123")
                .validationFile("file-abc123")
                .integration(new WandbIntegration(
                        "my-wandb-project", "ft-run-display-name", null, List.of("first-experiment", "v2")))
                .build());

        assertThat(sentBody()).isEqualTo(Payloads.json("openai-openapi/job-create-wandb.request.json"));
    }

    @Test
    void sendsSuffixSeedAndMetadata() throws Exception {
        server.enqueue(ok("openai-openapi/job-create-default.json"));

        client.create(OpenAiJobRequest.builder("gpt-4o-mini", "file-abc123")
                .suffix("support-bot")
                .seed(42)
                .metadata("team", "support")
                .build());

        assertThat(sentBody())
                .isEqualTo(Map.of(
                        "model", "gpt-4o-mini",
                        "training_file", "file-abc123",
                        "suffix", "support-bot",
                        "seed", 42.0,
                        "metadata", Map.of("team", "support")));
    }

    @Test
    void retrievesSucceededJobWithModelTokensAndHyperparameters() throws Exception {
        server.enqueue(ok("openai-openapi/job-retrieve.json"));

        FineTuneJob job = client.retrieve("ftjob-abc123");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123");
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.fineTunedModel()).isEqualTo("ft:davinci-002:my-org:custom_suffix:7q8mpxmy");
        assertThat(job.trainedTokens()).isEqualTo(5768L);
        assertThat(job.hyperparameters()).isEqualTo(new Hyperparameters(4, 1, null, 1.0, null, null, null));
        assertThat(job.createdAt()).isEqualTo(Instant.ofEpochSecond(1692661014));
        assertThat(job.finishedAt()).isEqualTo(Instant.ofEpochSecond(1692661190));
        assertThat(job.raw()).containsEntry("organization_id", "org-123");
    }

    @Test
    void countsAnUnknownStatusAsRunningUntilTheJobHasFinished() {
        String running = Payloads.text("openai-openapi/job-resume.json").replace("\"queued\"", "\"warming_up\"");
        String finished = Payloads.text("openai-openapi/job-retrieve.json").replace("\"succeeded\"", "\"archived\"");
        server.enqueue(json(200, running));
        server.enqueue(json(200, finished));

        FineTuneJob first = client.retrieve("ftjob-abc123");
        FineTuneJob second = client.retrieve("ftjob-abc123");

        assertThat(first.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(first.rawStatus()).isEqualTo("warming_up");
        assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(second.rawStatus()).isEqualTo("archived");
    }

    @Test
    void readsTheErrorOfAFailedJob() {
        // The spec's job with status failed and an error of the schema's shape (code, message, param).
        String failed = Payloads.text("openai-openapi/job-retrieve.json")
                .replace("\"succeeded\"", "\"failed\"")
                .replace(
                        "\"status\"",
                        "\"error\": {\"code\": \"invalid_training_file\", \"message\": \"The job failed due to an"
                                + " invalid training file.\", \"param\": \"training_file\"}, \"status\"");
        server.enqueue(json(200, failed));

        FineTuneJob job = client.retrieve("ftjob-abc123");

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error())
                .isEqualTo(new JobError(
                        "invalid_training_file", "The job failed due to an invalid training file.", "training_file"));
    }

    @Test
    void cancelsJob() throws Exception {
        server.enqueue(ok("openai-openapi/job-cancel.json"));

        assertThat(client.cancel("ftjob-abc123").status()).isEqualTo(JobStatus.CANCELLED);
        assertPosted("/v1/fine_tuning/jobs/ftjob-abc123/cancel");
    }

    @Test
    void pausesJob() throws Exception {
        server.enqueue(ok("openai-openapi/job-pause.json"));

        assertThat(client.pause("ftjob-abc123").status()).isEqualTo(JobStatus.PAUSED);
        assertPosted("/v1/fine_tuning/jobs/ftjob-abc123/pause");
    }

    @Test
    void resumesJob() throws Exception {
        server.enqueue(ok("openai-openapi/job-resume.json"));

        assertThat(client.resume("ftjob-abc123").status()).isEqualTo(JobStatus.QUEUED);
        assertPosted("/v1/fine_tuning/jobs/ftjob-abc123/resume");
    }

    @Test
    void listsJobsFetchingTheNextPageAfterTheLastId() throws Exception {
        server.enqueue(ok("openai-openapi/jobs-list.json"));
        server.enqueue(json(
                200,
                "{\"object\": \"list\", \"data\": [" + Payloads.text("openai-openapi/job-retrieve.json")
                        + "], \"has_more\": false}"));

        List<FineTuneJob> jobs =
                StreamSupport.stream(client.jobs().spliterator(), false).toList();

        assertThat(jobs).extracting(FineTuneJob::status).containsExactly(JobStatus.QUEUED, JobStatus.SUCCEEDED);
        assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=100");
        assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=100&after=ftjob-abc123");
    }

    @Test
    void listsJobsFilteredByMetadata() throws Exception {
        server.enqueue(json(200, EMPTY_PAGE));

        assertThat(client.jobs(Map.of("team", "support", "stage", "eval"))).isEmpty();
        assertThat(server.takeRequest().getUrl().query())
                .isEqualTo("limit=100&metadata[stage]=eval&metadata[team]=support");
    }

    @Test
    void fetchesNoPageBeforeIterationStarts() {
        client.jobs();

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void listsEventsNewestFirst() throws Exception {
        server.enqueue(ok("openai-openapi/events.json"));
        server.enqueue(json(200, EMPTY_PAGE));

        List<JobEvent> events = StreamSupport.stream(
                        client.events("ftjob-abc123").spliterator(), false)
                .toList();

        assertThat(events)
                .extracting(JobEvent::message)
                .containsExactly(
                        "Fine tuning job successfully completed",
                        "New fine-tuned model created: ft:gpt-4o-mini:openai::7p4lURel");
        assertThat(events.get(0).metrics()).isEmpty();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/events");
        assertThat(server.takeRequest().getUrl().queryParameter("after"))
                .isEqualTo("ft-event-tyiGuB72evQncpH87xe505Sv");
    }

    @Test
    void readsMetricsFromMetricsEvents() {
        server.enqueue(json(
                200,
                "{\"object\": \"list\", \"has_more\": false, \"data\": [{\"object\":"
                        + " \"fine_tuning.job.event\", \"id\": \"ftevent-1\", \"created_at\": 1721764800, \"level\": \"info\","
                        + " \"message\": \"Step 10/100: training loss=0.42\", \"type\": \"metrics\", \"data\": {\"step\": 10,"
                        + " \"train_loss\": 0.42, \"train_mean_token_accuracy\": 0.9}}]}"));

        JobEvent event = client.events("ftjob-abc123").iterator().next();

        assertThat(event.metrics())
                .isEqualTo(Map.of("step", 10.0, "train_loss", 0.42, "train_mean_token_accuracy", 0.9));
    }

    @Test
    void readsMetricsAfterAStepWithoutPagingFurtherBack() throws Exception {
        server.enqueue(json(
                200,
                "{\"object\": \"list\", \"has_more\": true, \"data\": [" + metricsEvent("ftevent-3", 30, 0.2) + ", "
                        + metricsEvent("ftevent-2", 20, 0.3) + ", " + metricsEvent("ftevent-1", 10, 0.4) + "]}"));

        List<TrainingMetrics> metrics = client.metrics("ftjob-abc123", 10);

        assertThat(metrics).extracting(TrainingMetrics::step).containsExactly(20L, 30L);
        assertThat(metrics.get(1).values()).containsEntry("train_loss", 0.2);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/events");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void listsCheckpointsWithMetrics() throws Exception {
        server.enqueue(ok("openai-openapi/checkpoints.json"));
        server.enqueue(json(200, EMPTY_PAGE));

        List<Checkpoint> checkpoints = StreamSupport.stream(
                        client.checkpoints("ftjob-abc123").spliterator(), false)
                .toList();

        assertThat(checkpoints).extracting(Checkpoint::step).containsExactly(2000L, 1000L);
        assertThat(checkpoints.get(0).model())
                .isEqualTo("ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000");
        assertThat(checkpoints.get(0).metrics())
                .isEqualTo(Map.of("full_valid_loss", 0.134, "full_valid_mean_token_accuracy", 0.874));
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/checkpoints");
    }

    @Test
    void rejectsBetaOutsideDpo() {
        OpenAiHyperparameters beta = OpenAiHyperparameters.builder().beta(0.1).build();
        OpenAiJobRequest.Builder builder = OpenAiJobRequest.builder("gpt-4o-mini", "file-1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.supervised(beta))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta applies only to DPO: use dpo(...) or drop beta");
    }

    private static String metricsEvent(String id, int step, double loss) {
        return "{\"object\": \"fine_tuning.job.event\", \"id\": \"" + id + "\", \"created_at\": 1721764800,"
                + " \"level\": \"info\", \"message\": \"Step " + step + "\", \"type\": \"metrics\", \"data\":"
                + " {\"step\": " + step + ", \"train_loss\": " + loss + "}}";
    }

    private Object sentBody() throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs");
        return Payloads.parse(request.getBody());
    }

    private void assertPosted(String path) throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    }
}
