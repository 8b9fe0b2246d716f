package dev.ladder.peft;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A fine-tuning job as a provider reported it at one moment, normalised. Nullable components are those
 * a provider may not have set yet. Immutable and thread-safe.
 *
 * @param id the provider's job id; keep it to resume watching after a restart.
 * @param model the base model.
 * @param status the normalised state.
 * @param rawStatus the provider's own status word, such as {@code validating_files} or {@code compressing}.
 * @param method how the job learns; null if not reported.
 * @param hyperparameters the training knobs; never null, {@link Hyperparameters#AUTO} when unreported.
 * @param trainingFile the id of the training file; null if not reported.
 * @param validationFile the id of the validation file, or null.
 * @param fineTunedModel the name of the trained model, set once the job succeeded; null before.
 * @param trainedTokens tokens trained so far or in total, or null.
 * @param createdAt when the job was created.
 * @param finishedAt when the job finished, or null.
 * @param error why the job failed, or null.
 * @param raw the provider's full JSON object, for fields this model does not carry.
 */
public record FineTuneJob(
        String id,
        String model,
        JobStatus status,
        String rawStatus,
        TrainingMethod method,
        Hyperparameters hyperparameters,
        String trainingFile,
        String validationFile,
        String fineTunedModel,
        Long trainedTokens,
        Instant createdAt,
        Instant finishedAt,
        JobError error,
        Map<String, Object> raw) {

    /** Validates the required parts and copies the raw map. */
    public FineTuneJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(createdAt, "createdAt");
        raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }
}
