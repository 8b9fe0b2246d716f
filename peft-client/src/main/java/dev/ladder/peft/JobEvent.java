package dev.ladder.peft;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a job's event log: a message, and for progress events the training metrics at a step.
 *
 * @param id the provider's event id, or a stable id derived from the event where the provider has none.
 * @param createdAt when the event happened.
 * @param level the severity, such as {@code info}, {@code warning} or {@code error}.
 * @param type the provider's event type, such as {@code message}, {@code metrics} or {@code checkpoint_save}.
 * @param message the text.
 * @param metrics numeric values reported with the event, such as {@code step} and {@code train_loss};
 *     empty for plain messages.
 */
public record JobEvent(
        String id, Instant createdAt, String level, String type, String message, Map<String, Double> metrics) {

    /** Validates and copies the parts. */
    public JobEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        metrics = Map.copyOf(metrics);
    }

    /** Returns true if the event carries training metrics. */
    public boolean hasMetrics() {
        return !metrics.isEmpty();
    }
}
