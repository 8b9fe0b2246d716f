package dev.ladder.peft.openai;

import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.Hyperparameters;
import dev.ladder.peft.JobError;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.JobStatus;
import dev.ladder.peft.TrainingMethod;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.internal.JsonObject;
import dev.ladder.peft.internal.Wire;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns OpenAI's JSON objects into the normalised model. Stateless; thread-safe. */
final class OpenAiMapper {
    private static final Logger log = LoggerFactory.getLogger(OpenAiMapper.class);

    private OpenAiMapper() {}

    static FineTuneJob job(JsonObject json) {
        String rawStatus = json.string("status");
        return new FineTuneJob(
                json.string("id"),
                json.optString("model"),
                status(rawStatus, json),
                rawStatus,
                method(json.optObject("method")),
                hyperparameters(json),
                json.optString("training_file"),
                json.optString("validation_file"),
                json.optString("fine_tuned_model"),
                json.optLong("trained_tokens"),
                required(Wire.instant(json, "created_at"), "created_at"),
                Wire.instant(json, "finished_at"),
                error(json.optObject("error")),
                json.asMap());
    }

    static JobEvent event(JsonObject json) {
        JsonObject data = json.optObject("data");
        return new JobEvent(
                json.string("id"),
                required(Wire.instant(json, "created_at"), "created_at"),
                orElse(json.optString("level"), "info"),
                orElse(json.optString("type"), "message"),
                orElse(json.optString("message"), ""),
                data == null ? Map.of() : data.numbers());
    }

    static Checkpoint checkpoint(JsonObject json) {
        JsonObject metrics = json.optObject("metrics");
        return new Checkpoint(
                json.string("id"),
                required(json.optLong("step_number"), "step_number"),
                required(Wire.instant(json, "created_at"), "created_at"),
                json.string("fine_tuned_model_checkpoint"),
                null,
                metrics == null ? Map.of() : metrics.numbers());
    }

    static UploadedFile file(JsonObject json) {
        return new UploadedFile(
                json.string("id"),
                json.string("filename"),
                required(json.optLong("bytes"), "bytes"),
                json.string("purpose"),
                required(Wire.instant(json, "created_at"), "created_at"));
    }

    /**
     * Maps OpenAI's status word. A word added after this release counts as running while the job has no
     * {@code finished_at}; once it has one, the job is over, and its error or fine-tuned model tells how.
     */
    static JobStatus status(String raw, JsonObject job) {
        return switch (raw) {
            case "validating_files" -> JobStatus.VALIDATING;
            case "queued" -> JobStatus.QUEUED;
            case "running" -> JobStatus.RUNNING;
            case "paused" -> JobStatus.PAUSED;
            case "succeeded" -> JobStatus.SUCCEEDED;
            case "failed" -> JobStatus.FAILED;
            case "cancelled" -> JobStatus.CANCELLED;
            default -> unknown(raw, job);
        };
    }

    private static JobStatus unknown(String raw, JsonObject job) {
        if (job.raw("finished_at") == null) {
            log.debug("unknown status '{}' of job {} counts as running", raw, job.optString("id"));
            return JobStatus.RUNNING;
        }
        if (error(job.optObject("error")) != null) {
            return JobStatus.FAILED;
        }
        return job.optString("fine_tuned_model") != null ? JobStatus.SUCCEEDED : JobStatus.CANCELLED;
    }

    private static TrainingMethod method(JsonObject method) {
        if (method == null || method.optString("type") == null) {
            return null;
        }
        return switch (method.string("type")) {
            case "supervised" -> TrainingMethod.SUPERVISED;
            case "dpo" -> TrainingMethod.DPO;
            case "reinforcement" -> TrainingMethod.REINFORCEMENT;
            default -> null;
        };
    }

    private static Hyperparameters hyperparameters(JsonObject job) {
        JsonObject knobs = job.optObject("hyperparameters");
        JsonObject method = job.optObject("method");
        if (method != null && method.optString("type") != null) {
            JsonObject settings = method.optObject(method.string("type"));
            if (settings != null && settings.optObject("hyperparameters") != null) {
                knobs = settings.optObject("hyperparameters");
            }
        }
        if (knobs == null) {
            return Hyperparameters.AUTO;
        }
        Map<String, Double> numbers = knobs.numbers();
        return new Hyperparameters(
                integer(numbers.get("n_epochs")),
                integer(numbers.get("batch_size")),
                null,
                numbers.get("learning_rate_multiplier"),
                null,
                numbers.get("beta"),
                null);
    }

    private static JobError error(JsonObject error) {
        if (error == null || error.optString("message") == null) {
            return null;
        }
        return new JobError(error.optString("code"), error.string("message"), error.optString("param"));
    }

    private static Integer integer(Double value) {
        return value == null ? null : value.intValue();
    }

    private static <T> T required(T value, String key) {
        if (value == null) {
            throw new dev.ladder.core.MalformedResponseException("expected member '" + key + "' in OpenAI's response");
        }
        return value;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
