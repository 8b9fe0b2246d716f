package dev.ladder.peft.together;

import dev.ladder.core.MalformedResponseException;
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
import dev.ladder.peft.internal.JsonObject;
import dev.ladder.peft.internal.Wire;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns Together's JSON objects into the normalised model. Stateless; thread-safe. */
final class TogetherMapper {
    private TogetherMapper() {}

    static FineTuneJob job(JsonObject json) {
        String rawStatus = json.string("status");
        JsonObject method = json.optObject("training_method");
        return new FineTuneJob(
                json.string("id"),
                json.optString("model"),
                status(rawStatus),
                rawStatus,
                method(method),
                hyperparameters(json, method),
                json.optString("training_file"),
                json.optString("validation_file"),
                rawStatus.equals("completed") ? json.optString("model_output_name") : null,
                json.optLong("token_count"),
                required(Wire.instant(json, "created_at"), "created_at"),
                rawStatus.equals("completed") ? Wire.instant(json, "updated_at") : null,
                rawStatus.equals("error") ? error(json.objects("events")) : null,
                json.asMap());
    }

    static JobEvent event(JsonObject json) {
        Instant at = required(Wire.instant(json, "created_at"), "created_at");
        String type = orElse(json.optString("type"), "message");
        // Known shortcoming: Together's events have no id; the hash, else time, type and step, stands in.
        String hash = json.optString("hash");
        String id = hash != null && !hash.isBlank() ? hash : at + "/" + type + "/" + json.optLong("step");
        return new JobEvent(
                id, at, orElse(json.optString("level"), "info"), type, orElse(json.optString("message"), ""), Map.of());
    }

    static Checkpoint checkpoint(String jobId, JsonObject json) {
        long step = required(json.optLong("step"), "step");
        return new Checkpoint(
                jobId + ":" + step,
                step,
                required(Wire.instant(json, "created_at"), "created_at"),
                json.string("path"),
                json.optString("checkpoint_type"),
                Map.of());
    }

    static TrainingMetrics metrics(JsonObject snapshot, long position) {
        Map<String, Double> values = snapshot.numbers();
        Double step = values.getOrDefault("train/global_step", values.getOrDefault("global_step", values.get("step")));
        return new TrainingMetrics(step == null ? position : step.longValue(), values);
    }

    static UploadedFile file(JsonObject json) {
        return new UploadedFile(
                json.string("id"),
                json.string("filename"),
                required(json.optLong("bytes"), "bytes"),
                json.string("purpose"),
                required(Wire.instant(json, "created_at"), "created_at"));
    }

    static TogetherPriceEstimate price(JsonObject json) {
        Double total = required(json.optDouble("estimated_total_price"), "estimated_total_price");
        Double limit = json.optDouble("user_limit");
        return new TogetherPriceEstimate(
                BigDecimal.valueOf(total),
                !Boolean.FALSE.equals(json.optBoolean("allowed_to_proceed")),
                limit == null ? null : BigDecimal.valueOf(limit),
                json.optLong("estimated_train_token_count"),
                json.optLong("estimated_eval_token_count"));
    }

    /** Maps Together's status word; a word added after this release counts as running. */
    static JobStatus status(String raw) {
        return switch (raw) {
            case "pending", "queued" -> JobStatus.QUEUED;
            case "completed" -> JobStatus.SUCCEEDED;
            case "error" -> JobStatus.FAILED;
            case "cancelled" -> JobStatus.CANCELLED;
            default -> JobStatus.RUNNING;
        };
    }

    private static TrainingMethod method(JsonObject method) {
        if (method == null) {
            return null;
        }
        String name = method.optString("method");
        return "dpo".equals(name) ? TrainingMethod.DPO : "sft".equals(name) ? TrainingMethod.SUPERVISED : null;
    }

    private static Hyperparameters hyperparameters(JsonObject json, JsonObject method) {
        Object batch = json.raw("batch_size");
        return new Hyperparameters(
                integer(json.optLong("n_epochs")),
                batch instanceof Number n ? n.intValue() : null,
                json.optDouble("learning_rate"),
                null,
                json.optDouble("warmup_ratio"),
                method == null ? null : method.optDouble("dpo_beta"),
                lora(json.optObject("training_type")));
    }

    private static Lora lora(JsonObject type) {
        if (type == null || !"Lora".equals(type.optString("type"))) {
            return null;
        }
        Double dropout = type.optDouble("lora_dropout");
        return new Lora(
                required(integer(type.optLong("lora_r")), "lora_r"),
                required(integer(type.optLong("lora_alpha")), "lora_alpha"),
                dropout == null ? 0 : dropout,
                type.optString("lora_trainable_modules"));
    }

    private static JobError error(List<JsonObject> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonObject event = events.get(i);
            if ("error".equals(event.optString("level")) || "job_error".equals(event.optString("type"))) {
                return new JobError(event.optString("type"), orElse(event.optString("message"), ""), null);
            }
        }
        return new JobError(null, "the job ended in status error; Together gave no error event", null);
    }

    private static Integer integer(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static <T> T required(T value, String key) {
        if (value == null) {
            throw new MalformedResponseException("expected member '" + key + "' in Together's response");
        }
        return value;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
