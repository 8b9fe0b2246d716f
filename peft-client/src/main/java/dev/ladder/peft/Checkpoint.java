package dev.ladder.peft;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model saved during training, usable or downloadable on its own.
 *
 * @param id the provider's checkpoint id, or a stable id derived from job and step.
 * @param step the training step it was saved at.
 * @param createdAt when it was saved.
 * @param model the name or path to use the checkpoint by.
 * @param type the provider's checkpoint kind, such as {@code intermediate} or {@code final}; null if not
 *     reported.
 * @param metrics metrics measured at the checkpoint, such as {@code full_valid_loss}; may be empty.
 */
public record Checkpoint(
        String id, long step, Instant createdAt, String model, String type, Map<String, Double> metrics) {

    /** Validates and copies the parts. */
    public Checkpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(model, "model");
        metrics = Map.copyOf(metrics);
    }
}
