package dev.ladder.peft.openai;

import dev.ladder.peft.TrainingMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to fine-tune on OpenAI: base model, files, method (supervised, DPO or reinforcement) with its
 * knobs, and the optional suffix, seed, metadata and integrations. Immutable and thread-safe.
 */
public final class OpenAiJobRequest {
    private final String model;
    private final String trainingFile;
    private final String validationFile;
    private final TrainingMethod method;
    private final OpenAiHyperparameters hyperparameters;
    private final Map<String, Object> grader;
    private final String suffix;
    private final Integer seed;
    private final Map<String, String> metadata;
    private final List<WandbIntegration> integrations;

    private OpenAiJobRequest(Builder b) {
        this.model = b.model;
        this.trainingFile = b.trainingFile;
        this.validationFile = b.validationFile;
        this.method = b.method;
        this.hyperparameters = b.hyperparameters;
        this.grader = b.grader;
        this.suffix = b.suffix;
        this.seed = b.seed;
        this.metadata = Map.copyOf(b.metadata);
        this.integrations = List.copyOf(b.integrations);
    }

    /** Returns a builder for a supervised job on {@code model} trained on file {@code trainingFile}. */
    public static Builder builder(String model, String trainingFile) {
        return new Builder(model, trainingFile);
    }

    /** Returns the base model. */
    public String model() {
        return model;
    }

    /** Returns the training method. */
    public TrainingMethod method() {
        return method;
    }

    /**
     * Returns the request as the JSON object {@code POST /fine_tuning/jobs} takes. A supervised job with
     * every knob on auto sends no {@code method}, which OpenAI reads as supervised.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("training_file", trainingFile);
        putIfSet(json, "validation_file", validationFile);
        putIfSet(json, "suffix", suffix);
        putIfSet(json, "seed", seed);
        if (!metadata.isEmpty()) {
            json.put("metadata", new java.util.TreeMap<>(metadata));
        }
        if (!integrations.isEmpty()) {
            json.put(
                    "integrations",
                    integrations.stream().map(WandbIntegration::toJson).toList());
        }
        if (method != TrainingMethod.SUPERVISED || !hyperparameters.equals(OpenAiHyperparameters.AUTO)) {
            json.put("method", methodJson());
        }
        return json;
    }

    private Map<String, Object> methodJson() {
        String type = switch (method) {
            case SUPERVISED -> "supervised";
            case DPO -> "dpo";
            case REINFORCEMENT -> "reinforcement";
        };
        Map<String, Object> settings = new LinkedHashMap<>();
        if (grader != null) {
            settings.put("grader", grader);
        }
        Map<String, Object> knobs = hyperparameters.toJson();
        if (!knobs.isEmpty()) {
            settings.put("hyperparameters", knobs);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        if (!settings.isEmpty()) {
            json.put(type, settings);
        }
        return json;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Collects the settings of an {@link OpenAiJobRequest}. Not thread-safe. */
    public static final class Builder {
        private final String model;
        private final String trainingFile;
        private String validationFile;
        private TrainingMethod method = TrainingMethod.SUPERVISED;
        private OpenAiHyperparameters hyperparameters = OpenAiHyperparameters.AUTO;
        private Map<String, Object> grader;
        private String suffix;
        private Integer seed;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final List<WandbIntegration> integrations = new ArrayList<>();

        private Builder(String model, String trainingFile) {
            this.model = nonBlank(model, "model");
            this.trainingFile = nonBlank(trainingFile, "trainingFile");
        }

        /** Sets the id of an uploaded validation file, scored during training but not trained on. */
        public Builder validationFile(String validationFile) {
            this.validationFile = nonBlank(validationFile, "validationFile");
            return this;
        }

        /** Trains supervised on chat examples with {@code hyperparameters}. This is the default method. */
        public Builder supervised(OpenAiHyperparameters hyperparameters) {
            return method(TrainingMethod.SUPERVISED, hyperparameters, null);
        }

        /** Trains with direct preference optimisation on preference pairs with {@code hyperparameters}. */
        public Builder dpo(OpenAiHyperparameters hyperparameters) {
            return method(TrainingMethod.DPO, hyperparameters, null);
        }

        /**
         * Trains with reinforcement fine-tuning against {@code grader}, a grader object as OpenAI's API
         * defines it (for example {@code {"type": "string_check", ...}}).
         */
        public Builder reinforcement(Map<String, Object> grader, OpenAiHyperparameters hyperparameters) {
            Objects.requireNonNull(grader, "grader");
            if (grader.get("type") == null) {
                throw new IllegalArgumentException("grader needs a \"type\", such as string_check or score_model");
            }
            return method(TrainingMethod.REINFORCEMENT, hyperparameters, Map.copyOf(grader));
        }

        /** Sets a suffix of up to 64 characters that the fine-tuned model's name will carry. */
        public Builder suffix(String suffix) {
            nonBlank(suffix, "suffix");
            if (suffix.length() > 64) {
                throw new IllegalArgumentException("suffix must be at most 64 characters but has " + suffix.length());
            }
            this.suffix = suffix;
            return this;
        }

        /** Sets the seed that makes a rerun reproducible. */
        public Builder seed(int seed) {
            this.seed = seed;
            return this;
        }

        /** Adds a metadata pair (at most 16; keys up to 64 characters, values up to 512). */
        public Builder metadata(String key, String value) {
            nonBlank(key, "metadata key");
            Objects.requireNonNull(value, "value");
            if (key.length() > 64 || value.length() > 512) {
                throw new IllegalArgumentException(
                        "metadata key '" + key + "' must be at most 64 characters and its" + " value at most 512");
            }
            if (metadata.size() == 16 && !metadata.containsKey(key)) {
                throw new IllegalArgumentException(
                        "at most 16 metadata pairs are allowed; '" + key + "' is one too many");
            }
            metadata.put(key, value);
            return this;
        }

        /** Adds a Weights &amp; Biases integration. */
        public Builder integration(WandbIntegration integration) {
            integrations.add(Objects.requireNonNull(integration, "integration"));
            return this;
        }

        /** Builds the request. */
        public OpenAiJobRequest build() {
            return new OpenAiJobRequest(this);
        }

        private Builder method(TrainingMethod method, OpenAiHyperparameters knobs, Map<String, Object> grader) {
            Objects.requireNonNull(knobs, "hyperparameters");
            if (knobs.hasDpoKnobs() && method != TrainingMethod.DPO) {
                throw new IllegalArgumentException("beta applies only to DPO: use dpo(...) or drop beta");
            }
            if (knobs.hasReinforcementKnobs() && method != TrainingMethod.REINFORCEMENT) {
                throw new IllegalArgumentException("reasoningEffort, computeMultiplier, evalInterval and evalSamples"
                        + " apply only to reinforcement: use reinforcement(...) or drop them");
            }
            this.method = method;
            this.hyperparameters = knobs;
            this.grader = grader;
            return this;
        }

        private static String nonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
