package dev.ladder.peft;

import java.util.Map;

/**
 * Training metrics a provider logged at one step, such as the training and validation loss.
 *
 * @param step the training step the values were measured at.
 * @param values the values by the provider's own names, such as {@code train_loss} and
 *     {@code valid_mean_token_accuracy} (OpenAI) or {@code train/loss} and {@code train/learning_rate}
 *     (Together); the step itself may be among them.
 */
public record TrainingMetrics(long step, Map<String, Double> values) {

    /** Validates and copies the parts. */
    public TrainingMetrics {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative but was " + step);
        }
        values = Map.copyOf(values);
    }
}
