package dev.ladder.peft.together;

import static dev.ladder.peft.testing.Payloads.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.Hyperparameters;
import dev.ladder.peft.JobError;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.JobStatus;
import dev.ladder.peft.Lora;
import dev.ladder.peft.TrainingMethod;
import dev.ladder.peft.TrainingMetrics;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.testing.Payloads;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TogetherFineTuningTest {
    private static final String JOB = "ft-01234567890123456789";
    private static final String DATA = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n";

    private final MockWebServer server = new MockWebServer();
    private TogetherFineTuning client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = TogetherServer.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uploadsFileWithNamePurposeAndType() throws Exception {
        Path file = dir.resolve("my_file.jsonl");
        Files.writeString(file, DATA);
        server.enqueue(ok("together-openapi/file.json"));

        UploadedFile uploaded = client.upload(file);

        assertThat(uploaded)
                .isEqualTo(new UploadedFile(
                        "file-01234567890123456789",
                        "my_file.jsonl",
                        2664,
                        "fine-tune",
                        Instant.ofEpochSecond(1715021438)));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files/upload");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer together-test-key");
        String body = request.getBody().utf8();
        assertThat(body)
                .contains("name=\"purpose\"\r\n\r\nfine-tune\r\n")
                .contains("name=\"file_name\"\r\n\r\nmy_file.jsonl\r\n")
                .contains("name=\"file_type\"\r\n\r\njsonl\r\n")
                .contains("name=\"file\"; filename=\"my_file.jsonl\"")
                .contains(DATA);
    }

    @Test
    void rejectsUploadOfMissingFile() {
        Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> client.upload(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + " is not a readable file: check the path");
    }

    @Test
    void listsFiles() throws Exception {
        server.enqueue(ok("together-openapi/files-list.json"));

        assertThat(client.files()).extracting(UploadedFile::filename).containsExactly("my_file.jsonl");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files");
    }

    @Test
    void retrievesFile() throws Exception {
        server.enqueue(ok("together-openapi/file.json"));

        assertThat(client.file("file-01234567890123456789").bytes()).isEqualTo(2664);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/file-01234567890123456789");
    }

    @Test
    void deletesFile() throws Exception {
        server.enqueue(ok("together-openapi/file-delete.json"));

        assertThat(client.deleteFile("file-01234567890123456789")).isTrue();
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void downloadsFileContent() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body(DATA)
                .build());

        assertThat(new String(client.content("file-01234567890123456789"), StandardCharsets.UTF_8))
                .isEqualTo(DATA);
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/v1/files/file-01234567890123456789/content");
    }

    @Test
    void createsLoraSftJobWithTrainingKnobs() throws Exception {
        server.enqueue(ok("together-openapi/job-created.json"));

        FineTuneJob job = client.create(loraRequest());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine-tunes");
        assertThat(Payloads.parse(request.getBody()))
                .isEqualTo(Payloads.parse("{"
                        + "\"model\": \"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference\","
                        + " \"training_file\": \"file-01234567890123456789\","
                        + " \"validation_file\": \"file-98765432109876543210\","
                        + " \"training_type\": {\"type\": \"Lora\", \"lora_r\": 16, \"lora_alpha\": 32, \"lora_dropout\": 0.05,"
                        + " \"lora_trainable_modules\": \"all-linear\"},"
                        + " \"training_method\": {\"method\": \"sft\", \"train_on_inputs\": \"auto\"},"
                        + " \"n_epochs\": 3, \"n_evals\": 2, \"n_checkpoints\": 1, \"batch_size\": 16,"
                        + " \"learning_rate\": 0.0001,"
                        + " \"lr_scheduler\": {\"lr_scheduler_type\": \"cosine\", \"lr_scheduler_args\": {\"min_lr_ratio\": 0.0,"
                        + " \"num_cycles\": 0.5}},"
                        + " \"warmup_ratio\": 0.05, \"max_grad_norm\": 1.0, \"weight_decay\": 0.0, \"random_seed\": 42,"
                        + " \"suffix\": \"my-suffix\"}"));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.rawStatus()).isEqualTo("pending");
        assertThat(job.method()).isEqualTo(TrainingMethod.SUPERVISED);
        assertThat(job.hyperparameters())
                .isEqualTo(new Hyperparameters(3, 16, 0.0001, null, 0.05, null, new Lora(16, 32, 0.05, "all-linear")));
        assertThat(job.fineTunedModel()).isNull();
        assertThat(job.raw())
                .containsEntry(
                        "model_output_name", "mynamespace/Meta-Llama-3.1-8B-Instruct-Reference-my-suffix-32162631");
    }

    @Test
    void createsFullTrainingDpoJob() throws Exception {
        server.enqueue(ok("together-openapi/job-dpo-running.json"));

        FineTuneJob job = client.create(TogetherJobRequest.builder(
                        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "file-01234567890123456789")
                .fullTraining()
                .dpo(TogetherDpo.of(0.1))
                .build());

        Object sent = Payloads.parse(server.takeRequest().getBody());
        assertThat(sent)
                .isEqualTo(
                        Payloads.parse(
                                "{"
                                        + "\"model\": \"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference\","
                                        + " \"training_file\": \"file-01234567890123456789\","
                                        + " \"training_type\": {\"type\": \"Full\"},"
                                        + " \"training_method\": {\"method\": \"dpo\", \"dpo_beta\": 0.1, \"rpo_alpha\": 0.0,"
                                        + " \"simpo_gamma\": 0.0, \"dpo_normalize_logratios_by_length\": false, \"dpo_reference_free\": false}}"));
        assertThat(job.method()).isEqualTo(TrainingMethod.DPO);
        assertThat(job.hyperparameters().beta()).isEqualTo(0.1);
        assertThat(job.hyperparameters().batchSize()).isNull();
        assertThat(job.hyperparameters().lora()).isNull();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.trainedTokens()).isEqualTo(120000L);
    }

    @Test
    void estimatesPriceFromTheRequestSubset() throws Exception {
        server.enqueue(ok("together-openapi/price.json"));

        TogetherPriceEstimate price = client.estimatePrice(loraRequest());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/estimate-price");
        @SuppressWarnings("unchecked") // the parsed request body is a JSON object
        Map<String, Object> sent = (Map<String, Object>) Payloads.parse(request.getBody());
        assertThat(sent)
                .containsOnlyKeys(
                        "training_file",
                        "validation_file",
                        "model",
                        "n_epochs",
                        "n_evals",
                        "training_method",
                        "training_type");
        assertThat(price)
                .isEqualTo(new TogetherPriceEstimate(
                        new BigDecimal("6.05"), true, new BigDecimal("100.0"), 1_210_000L, 40_000L));
        assertThat(price.render())
                .isEqualTo("Cost (Together estimate): $6.05 for 1,210,000 train and 40,000 eval" + " tokens");
    }

    @Test
    void retrievesCompletedJob() throws Exception {
        server.enqueue(ok("together-openapi/job-truncated.json"));

        FineTuneJob job = client.retrieve(JOB);

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/" + JOB);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.fineTunedModel()).isEqualTo("mynamespace/meta-llama/Llama-2-7b-hf-32162631");
        assertThat(job.trainedTokens()).isEqualTo(850000L);
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2023-05-17T17:35:45.123Z"));
        assertThat(job.finishedAt()).isEqualTo(Instant.parse("2023-05-17T18:46:23.456Z"));
        assertThat(job.hyperparameters().epochs()).isEqualTo(3);
    }

    @Test
    void readsTheErrorOfAFailedJobFromItsEvents() {
        server.enqueue(ok("together-openapi/job-error.json"));

        FineTuneJob job = client.retrieve("ft-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error())
                .isEqualTo(new JobError("job_error", "Training data is invalid: line 4 has no user message", null));
    }

    @Test
    void cancelsJobWhichKeepsRunningUntilStopped() throws Exception {
        server.enqueue(ok("together-openapi/job-cancelled.json"));

        FineTuneJob job = client.cancel(JOB);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/" + JOB + "/cancel");
        assertThat(job.rawStatus()).isEqualTo("cancel_requested");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void deletesJob() throws Exception {
        server.enqueue(ok("together-openapi/job-delete.json"));

        assertThat(client.delete(JOB)).isEqualTo("Fine-tune job ft-01234567890123456789 deleted");
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void listsJobs() throws Exception {
        server.enqueue(ok("together-openapi/jobs-list.json"));

        assertThat(client.jobs())
                .extracting(FineTuneJob::status)
                .containsExactly(JobStatus.SUCCEEDED, JobStatus.RUNNING);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine-tunes");
    }

    @Test
    void listsEventsNewestFirstWithTheirHashAsId() throws Exception {
        server.enqueue(ok("together-openapi/events.json"));

        List<JobEvent> events =
                StreamSupport.stream(client.events(JOB).spliterator(), false).toList();

        assertThat(events).extracting(JobEvent::id).containsExactly("d3e8f3c2", "c2d7e2b1", "b1c6d1a0");
        assertThat(events.get(0).type()).isEqualTo("epoch_complete");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/" + JOB + "/events");
    }

    @Test
    void listsCheckpointsHighestStepFirst() throws Exception {
        server.enqueue(ok("together-openapi/checkpoints.json"));

        List<Checkpoint> checkpoints = StreamSupport.stream(
                        client.checkpoints(JOB).spliterator(), false)
                .toList();

        assertThat(checkpoints).extracting(Checkpoint::id).containsExactly(JOB + ":40", JOB + ":20");
        assertThat(checkpoints.get(0).model())
                .isEqualTo("mynamespace/Meta-Llama-3.1-8B-Instruct-Reference-dpo-5d7f2a1e");
        assertThat(checkpoints.get(0).type()).isEqualTo("Final");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/" + JOB + "/checkpoints");
    }

    @Test
    void readsTrainingMetricsOldestFirst() throws Exception {
        server.enqueue(ok("together-openapi/metrics.json"));

        List<TrainingMetrics> metrics = client.metrics(JOB);

        assertThat(metrics).extracting(TrainingMetrics::step).containsExactly(7L, 14L);
        assertThat(metrics).extracting(m -> m.values().get("train/loss")).containsExactly(0.5, 0.45);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/" + JOB + "/metrics");
    }

    @Test
    void readsOnlyTheMetricsAfterAStep() {
        server.enqueue(ok("together-openapi/metrics.json"));

        assertThat(client.metrics(JOB, 7)).extracting(TrainingMetrics::step).containsExactly(14L);
    }

    @Test
    void numbersSnapshotsWithoutAStepByTheirPosition() {
        server.enqueue(Payloads.json(200, "{\"metrics\": [{\"train/loss\": 0.9}, {\"train/loss\": 0.7}]}"));

        assertThat(client.metrics(JOB)).extracting(TrainingMetrics::step).containsExactly(1L, 2L);
    }

    @Test
    void rejectsLoraDropoutOfOne() {
        assertThatThrownBy(() -> new Lora(8, 16, 1.0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LoRA dropout must be from 0 to below 1 but was 1.0");
    }

    private static TogetherJobRequest loraRequest() {
        return TogetherJobRequest.builder(
                        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "file-01234567890123456789")
                .validationFile("file-98765432109876543210")
                .lora(new Lora(16, 32, 0.05, "all-linear"))
                .sft(null)
                .epochs(3)
                .evals(2)
                .checkpoints(1)
                .batchSize(16)
                .learningRate(0.0001)
                .cosineSchedule(0.0, 0.5)
                .warmupRatio(0.05)
                .maxGradNorm(1.0)
                .weightDecay(0.0)
                .seed(42)
                .suffix("my-suffix")
                .build();
    }
}
