package dev.ladder.peft.together;

import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.ProviderProfile;
import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.FineTuningClient;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.TrainingMetrics;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.internal.JsonObject;
import dev.ladder.peft.internal.Paged;
import dev.ladder.peft.internal.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Together AI's fine-tuning API: file upload, list, get, delete and content; LoRA or full fine-tunes with
 * SFT or DPO; price estimates; list, retrieve, cancel and delete jobs; events, checkpoints and training
 * metrics. Built on
 * core's {@link HttpTransport}, so retries, timeouts and the mapping of HTTP errors to core's exceptions
 * are the transport's. Together's lists are not paginated; the iterables fetch one page. Immutable and
 * thread-safe.
 */
public final class TogetherFineTuning implements FineTuningClient {
    /** The base URL used when {@code TOGETHER_BASE_URL} is not set. */
    public static final String DEFAULT_BASE_URL = "https://api.together.ai/v1";

    static final ProviderProfile PROFILE = Wire.profile("Together", "set TOGETHER_API_KEY");
    private static final MediaType JSONL = MediaType.get("application/jsonl");

    private final HttpTransport transport;

    private TogetherFineTuning(HttpTransport transport) {
        this.transport = transport;
    }

    /** Returns a client configured by {@code config} (base URL, key, timeouts, retries). */
    public static TogetherFineTuning create(ClientConfig config) {
        return new TogetherFineTuning(HttpTransport.create(config, PROFILE));
    }

    /**
     * Returns a client for {@code TOGETHER_BASE_URL} (default {@value #DEFAULT_BASE_URL}) with the key in
     * {@code TOGETHER_API_KEY}.
     *
     * @throws IllegalStateException if {@code TOGETHER_API_KEY} is not set.
     */
    public static TogetherFineTuning fromEnv() {
        String key = System.getenv("TOGETHER_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("TOGETHER_API_KEY is not set: export your Together API key");
        }
        String base = Objects.requireNonNullElse(System.getenv("TOGETHER_BASE_URL"), DEFAULT_BASE_URL);
        return create(ClientConfig.builder(base).apiKey(key).build());
    }

    /**
     * Uploads JSONL {@code file} for fine-tuning as one multipart request; Together's API has no upload
     * in parts, so a broken connection sends the whole file again.
     *
     * @throws IllegalArgumentException if {@code file} is not a readable regular file.
     */
    @Override
    public UploadedFile upload(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not a readable file: check the path");
        }
        String name = file.getFileName().toString();
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "fine-tune")
                .addFormDataPart("file_name", name)
                .addFormDataPart("file_type", "jsonl")
                .addFormDataPart("file", name, RequestBody.create(file.toFile(), JSONL))
                .build();
        return TogetherMapper.file(call(transport.post("files/upload", form).operation("upload file"), "file"));
    }

    /** Returns the account's files. */
    public Iterable<UploadedFile> files() {
        return list("files", "list files", TogetherMapper::file);
    }

    /** Returns file {@code fileId}. */
    public UploadedFile file(String fileId) {
        return TogetherMapper.file(
                call(transport.get("files/" + Wire.id(fileId, "fileId")).operation("retrieve file"), "file"));
    }

    /** Deletes file {@code fileId} and returns whether Together reports it deleted. */
    public boolean deleteFile(String fileId) {
        JsonObject result =
                call(transport.delete("files/" + Wire.id(fileId, "fileId")).operation("delete file"), "file");
        return Boolean.TRUE.equals(result.optBoolean("deleted"));
    }

    /**
     * Returns the bytes of file {@code fileId}. Known shortcoming: the whole file is read into memory,
     * as core's transport has no streaming download; it bites for multi-gigabyte files.
     */
    public byte[] content(String fileId) {
        HttpCall call = transport
                .get("files/" + Wire.id(fileId, "fileId") + "/content")
                .operation("file content")
                .build();
        return Wire.bytes(transport, call);
    }

    /** Creates a fine-tuning job and returns it; store its id to watch or resume it later. */
    public FineTuneJob create(TogetherJobRequest request) {
        Objects.requireNonNull(request, "request");
        HttpCall.Builder call = transport
                .post("fine-tunes", Wire.body(request.toJson()))
                .operation("create fine-tune")
                .model(request.model());
        return TogetherMapper.job(call(call, "fine-tune"));
    }

    /** Asks Together what {@code request} would cost, before creating it. */
    public TogetherPriceEstimate estimatePrice(TogetherJobRequest request) {
        Objects.requireNonNull(request, "request");
        HttpCall.Builder call = transport
                .post("fine-tunes/estimate-price", Wire.body(request.toPriceJson()))
                .operation("estimate fine-tune price")
                .model(request.model());
        return TogetherMapper.price(call(call, "price estimate"));
    }

    @Override
    public FineTuneJob retrieve(String jobId) {
        return TogetherMapper.job(call(transport.get(jobPath(jobId)).operation("retrieve fine-tune"), "fine-tune"));
    }

    @Override
    public FineTuneJob cancel(String jobId) {
        HttpCall.Builder call =
                transport.post(jobPath(jobId) + "/cancel", Wire.body(Map.of())).operation("cancel fine-tune");
        return TogetherMapper.job(call(call, "fine-tune"));
    }

    /** Deletes job {@code jobId} and its outputs; returns Together's confirmation message. */
    public String delete(String jobId) {
        JsonObject result = call(transport.delete(jobPath(jobId)).operation("delete fine-tune"), "deletion");
        return Objects.requireNonNullElse(result.optString("message"), "");
    }

    /**
     * Returns the training metrics Together recorded for job {@code jobId}, oldest first: one snapshot
     * per logged step, with values such as {@code train/loss} and {@code train/learning_rate}.
     */
    public List<TrainingMetrics> metrics(String jobId) {
        return metrics(jobId, -1);
    }

    /**
     * Returns the snapshots of {@link #metrics(String)} logged after step {@code afterStep}. Their step
     * is {@code train/global_step} (or {@code global_step}, or {@code step}), else their position.
     */
    @Override
    public List<TrainingMetrics> metrics(String jobId, long afterStep) {
        JsonObject result = call(transport.get(jobPath(jobId) + "/metrics").operation("fine-tune metrics"), "metrics");
        List<JsonObject> snapshots = result.objects("metrics");
        List<TrainingMetrics> fresh = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            TrainingMetrics metrics = TogetherMapper.metrics(snapshots.get(i), i + 1);
            if (metrics.step() > afterStep) {
                fresh.add(metrics);
            }
        }
        return fresh;
    }

    @Override
    public Iterable<FineTuneJob> jobs() {
        return list("fine-tunes", "list fine-tunes", TogetherMapper::job);
    }

    /** Returns the events of job {@code jobId}, newest first (Together sends them oldest first). */
    @Override
    public Iterable<JobEvent> events(String jobId) {
        return reversed(list(jobPath(jobId) + "/events", "list fine-tune events", TogetherMapper::event));
    }

    /** Returns the checkpoints of job {@code jobId}, highest step first. */
    @Override
    public Iterable<Checkpoint> checkpoints(String jobId) {
        String path = jobPath(jobId) + "/checkpoints";
        return Paged.of(cursor -> {
            List<Checkpoint> items = new ArrayList<>();
            list(path, "list fine-tune checkpoints", json -> TogetherMapper.checkpoint(jobId, json))
                    .forEach(items::add);
            items.sort(Comparator.comparingLong(Checkpoint::step).reversed());
            return new Paged.Page<>(items, null);
        });
    }

    private <T> Iterable<T> reversed(Iterable<T> items) {
        return Paged.of(cursor -> {
            List<T> list = new ArrayList<>();
            items.forEach(list::add);
            Collections.reverse(list);
            return new Paged.Page<>(list, null);
        });
    }

    private <T> Iterable<T> list(String path, String operation, Function<JsonObject, T> mapper) {
        return Paged.of(cursor -> new Paged.Page<>(
                call(transport.get(path).operation(operation), "list").objects("data").stream()
                        .map(mapper)
                        .toList(),
                null));
    }

    private JsonObject call(HttpCall.Builder call, String what) {
        return Wire.object(transport, call.build(), what);
    }

    private static String jobPath(String jobId) {
        return "fine-tunes/" + Wire.id(jobId, "jobId");
    }
}
