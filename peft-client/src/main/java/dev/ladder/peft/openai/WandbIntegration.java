package dev.ladder.peft.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reports a job's metrics to a Weights &amp; Biases project (OpenAI's {@code wandb} integration).
 *
 * @param project the W&amp;B project to log to.
 * @param name a display name for the run, or null for the job id.
 * @param entity the W&amp;B team or user, or null for the API key's default.
 * @param tags tags for the run; may be empty.
 */
public record WandbIntegration(String project, String name, String entity, List<String> tags) {

    /** Validates and copies the parts. */
    public WandbIntegration {
        Objects.requireNonNull(project, "project");
        if (project.isBlank()) {
            throw new IllegalArgumentException("W&B project must not be blank");
        }
        tags = List.copyOf(tags);
    }

    /** Returns an integration logging to {@code project} with default name, entity and no tags. */
    public static WandbIntegration of(String project) {
        return new WandbIntegration(project, null, null, List.of());
    }

    Map<String, Object> toJson() {
        Map<String, Object> wandb = new LinkedHashMap<>();
        wandb.put("project", project);
        putIfSet(wandb, "name", name);
        putIfSet(wandb, "entity", entity);
        if (!tags.isEmpty()) {
            wandb.put("tags", tags);
        }
        return Map.of("type", "wandb", "wandb", wandb);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
