package dev.ladder.peft.openai;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * OpenAI's fine-tuning API: files (multipart upload, large files through the Uploads API in parts, list,
 * get, delete, content), jobs (create with supervised, DPO or reinforcement; list, retrieve, cancel, pause,
 * resume), events, checkpoints and training metrics. Built on core's {@link HttpTransport}, so
 * retries, timeouts and the mapping of HTTP errors to core's exceptions are the transport's.
 * Immutable and thread-safe.
 */
public final class OpenAiFineTuning implements FineTuningClient {
    /** The base URL used when {@code OPENAI_BASE_URL} is not set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The largest file the Files API takes in one request, 512 MB; larger files go through Uploads. */
    public static final long FILES_API_LIMIT = 512L * 1024 * 1024;
    /** The largest part of an upload, 64 MB. */
    public static final int MAX_PART_BYTES = 64 * 1024 * 1024;

    static final ProviderProfile PROFILE = Wire.profile("OpenAI", "set OPENAI_API_KEY");
    private static final MediaType JSONL = MediaType.get("application/jsonl");
    private static final int PAGE_SIZE = 100;

    private final HttpTransport transport;
    private final OpenAiUploads uploads;

    private OpenAiFineTuning(HttpTransport transport) {
        this.transport = transport;
        this.uploads = new OpenAiUploads(transport);
    }

    /** Returns a client configured by {@code config} (base URL, key, timeouts, retries). */
    public static OpenAiFineTuning create(ClientConfig config) {
        return new OpenAiFineTuning(HttpTransport.create(config, PROFILE));
    }

    /**
     * Returns a client for {@code OPENAI_BASE_URL} (default {@value #DEFAULT_BASE_URL}) with the key in
     * {@code OPENAI_API_KEY}.
     *
     * @throws IllegalStateException if {@code OPENAI_API_KEY} is not set.
     */
    public static OpenAiFineTuning fromEnv() {
        String key = System.getenv("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("OPENAI_API_KEY is not set: export your OpenAI API key");
        }
        String base = Objects.requireNonNullElse(System.getenv("OPENAI_BASE_URL"), DEFAULT_BASE_URL);
        return create(ClientConfig.builder(base).apiKey(key).build());
    }

    /**
     * Uploads {@code file} for fine-tuning; files over {@link #FILES_API_LIMIT} go through the Uploads API.
     *
     * @throws UncheckedIOException if the file cannot be read.
     */
    @Override
    public UploadedFile upload(Path file) {
        return upload(file, "fine-tune");
    }

    /**
     * Uploads {@code file} with {@code purpose} (such as {@code fine-tune}); files over {@link
     * #FILES_API_LIMIT} go through the Uploads API in parts of {@link #MAX_PART_BYTES}.
     *
     * @throws UncheckedIOException if the file cannot be read.
     */
    public UploadedFile upload(Path file, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (size(file) > FILES_API_LIMIT) {
            return uploadInParts(file, purpose, MAX_PART_BYTES);
        }
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", purpose)
                .addFormDataPart("file", file.getFileName().toString(), RequestBody.create(file.toFile(), JSONL))
                .build();
        return OpenAiMapper.file(call(transport.post("files", form).operation("upload file"), "file"));
    }

    /**
     * Uploads {@code file} through the Uploads API in parts of {@code partBytes}: create, add parts,
     * complete with the MD5 checksum. On failure the upload is cancelled and the error rethrown.
     *
     * @throws IllegalArgumentException if {@code partBytes} is not from 1 to {@link #MAX_PART_BYTES}.
     * @throws UncheckedIOException if the file cannot be read.
     */
    public UploadedFile uploadInParts(Path file, String purpose, int partBytes) {
        Objects.requireNonNull(purpose, "purpose");
        if (partBytes < 1 || partBytes > MAX_PART_BYTES) {
            throw new IllegalArgumentException(
                    "partBytes must be from 1 to " + MAX_PART_BYTES + " but was " + partBytes);
        }
        return uploads.upload(file, purpose, partBytes);
    }

    /** Cancels upload {@code uploadId} of the Uploads API; its parts are discarded. */
    public void cancelUpload(String uploadId) {
        uploads.cancel(Wire.id(uploadId, "uploadId"));
    }

    /** Returns the files of the organisation, fetching pages lazily. */
    public Iterable<UploadedFile> files() {
        return list("files", Map.of(), OpenAiMapper::file);
    }

    /** Returns file {@code fileId}. */
    public UploadedFile file(String fileId) {
        return OpenAiMapper.file(
                call(transport.get("files/" + Wire.id(fileId, "fileId")).operation("retrieve file"), "file"));
    }

    /** Deletes file {@code fileId} and returns whether OpenAI reports it deleted. */
    public boolean deleteFile(String fileId) {
        JsonObject result =
                call(transport.delete("files/" + Wire.id(fileId, "fileId")).operation("delete file"), "file");
        return Boolean.TRUE.equals(result.optBoolean("deleted"));
    }

    /**
     * Returns the bytes of file {@code fileId}, such as a job's result file. Known shortcoming: the whole
     * file is read into memory.
     */
    public byte[] content(String fileId) {
        HttpCall call = transport
                .get("files/" + Wire.id(fileId, "fileId") + "/content")
                .operation("file content")
                .build();
        return Wire.bytes(transport, call);
    }

    /** Creates a fine-tuning job and returns it; store its id to watch or resume it later. */
    public FineTuneJob create(OpenAiJobRequest request) {
        Objects.requireNonNull(request, "request");
        HttpCall.Builder call = transport
                .post("fine_tuning/jobs", Wire.body(request.toJson()))
                .operation("create fine-tuning job")
                .model(request.model());
        return OpenAiMapper.job(call(call, "fine-tuning job"));
    }

    @Override
    public FineTuneJob retrieve(String jobId) {
        return job(transport.get(jobPath(jobId)).operation("retrieve fine-tuning job"));
    }

    @Override
    public FineTuneJob cancel(String jobId) {
        return job(
                transport.post(jobPath(jobId) + "/cancel", Wire.body(Map.of())).operation("cancel fine-tuning job"));
    }

    /** Pauses running job {@code jobId}; resume it with {@link #resume}. */
    public FineTuneJob pause(String jobId) {
        return job(
                transport.post(jobPath(jobId) + "/pause", Wire.body(Map.of())).operation("pause fine-tuning job"));
    }

    /** Resumes paused job {@code jobId}. */
    public FineTuneJob resume(String jobId) {
        return job(
                transport.post(jobPath(jobId) + "/resume", Wire.body(Map.of())).operation("resume fine-tuning job"));
    }

    @Override
    public Iterable<FineTuneJob> jobs() {
        return list("fine_tuning/jobs", Map.of(), OpenAiMapper::job);
    }

    /**
     * Returns the jobs whose metadata holds every pair of {@code metadata}, newest first, fetching pages
     * lazily; OpenAI filters them ({@code metadata[key]=value}).
     *
     * @throws IllegalArgumentException if {@code metadata} is empty.
     */
    public Iterable<FineTuneJob> jobs(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            throw new IllegalArgumentException("metadata filter is empty: call jobs() to list every job");
        }
        Map<String, String> filter = new TreeMap<>();
        metadata.forEach((key, value) -> filter.put("metadata[" + key + "]", value));
        return list("fine_tuning/jobs", filter, OpenAiMapper::job);
    }

    @Override
    public Iterable<JobEvent> events(String jobId) {
        return list(jobPath(jobId) + "/events", Map.of(), OpenAiMapper::event);
    }

    @Override
    public Iterable<Checkpoint> checkpoints(String jobId) {
        return list(jobPath(jobId) + "/checkpoints", Map.of(), OpenAiMapper::checkpoint);
    }

    /**
     * Returns the metrics OpenAI logged after step {@code afterStep} in the job's {@code metrics}
     * events, oldest first. Events come newest first, so only the pages back to that step are read.
     */
    @Override
    public List<TrainingMetrics> metrics(String jobId, long afterStep) {
        List<TrainingMetrics> fresh = new ArrayList<>();
        for (JobEvent event : events(jobId)) {
            Double step = event.metrics().get("step");
            if (!event.type().equals("metrics") || step == null) {
                continue;
            }
            if (step.longValue() <= afterStep) {
                break;
            }
            fresh.add(new TrainingMetrics(step.longValue(), event.metrics()));
        }
        Collections.reverse(fresh);
        return fresh;
    }

    private FineTuneJob job(HttpCall.Builder call) {
        return OpenAiMapper.job(call(call, "fine-tuning job"));
    }

    private JsonObject call(HttpCall.Builder call, String what) {
        return Wire.object(transport, call.build(), what);
    }

    private <T> Iterable<T> list(String path, Map<String, String> filter, Function<JsonObject, T> mapper) {
        return Paged.of(cursor -> {
            HttpCall.Builder call =
                    transport.get(path).operation("list " + path).queryParameter("limit", Integer.toString(PAGE_SIZE));
            filter.forEach(call::queryParameter);
            if (cursor != null) {
                call.queryParameter("after", cursor);
            }
            JsonObject page = call(call, "list");
            List<JsonObject> items = page.objects("data");
            boolean more = Boolean.TRUE.equals(page.optBoolean("has_more")) && !items.isEmpty();
            String next = more ? items.get(items.size() - 1).string("id") : null;
            return new Paged.Page<>(items.stream().map(mapper).toList(), next);
        });
    }

    private static String jobPath(String jobId) {
        return "fine_tuning/jobs/" + Wire.id(jobId, "jobId");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
