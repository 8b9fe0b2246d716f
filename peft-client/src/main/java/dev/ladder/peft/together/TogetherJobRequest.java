package dev.ladder.peft.together;

import dev.ladder.peft.Lora;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to fine-tune on Together: base model, files, LoRA or full training, SFT or DPO, and the training
 * knobs. Unset knobs are left to Together's defaults (1 epoch, batch size "max", learning rate 1e-5,
 * LoRA training). Immutable and thread-safe.
 */
public final class TogetherJobRequest {
    private final Map<String, Object> json;
    private final String model;

    private TogetherJobRequest(Builder b) {
        this.json = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.json));
        this.model = b.model;
    }

    /** Returns a builder for a LoRA SFT job on {@code model} trained on file {@code trainingFile}. */
    public static Builder builder(String model, String trainingFile) {
        return new Builder(model, trainingFile);
    }

    /** Returns the base model. */
    public String model() {
        return model;
    }

    /** Returns the request as the JSON object {@code POST /fine-tunes} takes. */
    public Map<String, Object> toJson() {
        return json;
    }

    /** Returns the subset of the request that {@code POST /fine-tunes/estimate-price} takes. */
    public Map<String, Object> toPriceJson() {
        Map<String, Object> price = new LinkedHashMap<>();
        for (String key : new String[] {
            "training_file",
            "validation_file",
            "model",
            "n_epochs",
            "n_evals",
            "training_method",
            "training_type",
            "from_checkpoint"
        }) {
            if (json.containsKey(key)) {
                price.put(key, json.get(key));
            }
        }
        return price;
    }

    /** Collects the settings of a {@link TogetherJobRequest}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> json = new LinkedHashMap<>();
        private final String model;

        private Builder(String model, String trainingFile) {
            this.model = nonBlank(model, "model");
            json.put("model", model);
            json.put("training_file", nonBlank(trainingFile, "trainingFile"));
        }

        /** Sets the id of an uploaded validation file; pair it with {@link #evals}. */
        public Builder validationFile(String validationFile) {
            return put("validation_file", nonBlank(validationFile, "validationFile"));
        }

        /** Trains a LoRA adapter with {@code lora}; this is Together's default training type. */
        public Builder lora(Lora lora) {
            Objects.requireNonNull(lora, "lora");
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("type", "Lora");
            type.put("lora_r", lora.rank());
            type.put("lora_alpha", lora.alpha());
            type.put("lora_dropout", lora.dropout());
            if (lora.trainableModules() != null) {
                type.put("lora_trainable_modules", lora.trainableModules());
            }
            return put("training_type", type);
        }

        /** Trains every weight of the model instead of an adapter. */
        public Builder fullTraining() {
            return put("training_type", Map.of("type", "Full"));
        }

        /**
         * Trains supervised. {@code trainOnInputs} says whether the loss also covers user turns and
         * prompts; null leaves it on {@code auto}.
         */
        public Builder sft(Boolean trainOnInputs) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("method", "sft");
            method.put("train_on_inputs", trainOnInputs == null ? "auto" : trainOnInputs);
            return put("training_method", method);
        }

        /** Trains with direct preference optimisation on preference pairs. */
        public Builder dpo(TogetherDpo dpo) {
            return put("training_method", Objects.requireNonNull(dpo, "dpo").toJson());
        }

        /** Sets the passes over the training data; at least 1. */
        public Builder epochs(int epochs) {
            return put("n_epochs", atLeast(epochs, 1, "epochs"));
        }

        /** Sets how many intermediate checkpoints are saved; at least 1. */
        public Builder checkpoints(int checkpoints) {
            return put("n_checkpoints", atLeast(checkpoints, 1, "checkpoints"));
        }

        /** Sets how many evaluations on the validation file run during training; at least 0. */
        public Builder evals(int evals) {
            return put("n_evals", atLeast(evals, 0, "evals"));
        }

        /** Sets the examples per optimiser step; unset means {@code "max"}, the most that fits. */
        public Builder batchSize(int batchSize) {
            return put("batch_size", atLeast(batchSize, 1, "batchSize"));
        }

        /** Sets the peak learning rate; above 0, default 1e-5. */
        public Builder learningRate(double learningRate) {
            return put("learning_rate", positive(learningRate, "learningRate"));
        }

        /** Decays the learning rate linearly to {@code minLrRatio} of its peak by the end. */
        public Builder linearSchedule(double minLrRatio) {
            return put(
                    "lr_scheduler",
                    Map.of(
                            "lr_scheduler_type",
                            "linear",
                            "lr_scheduler_args",
                            Map.of("min_lr_ratio", ratio(minLrRatio, "minLrRatio"))));
        }

        /** Decays the learning rate along {@code numCycles} cosine cycles down to {@code minLrRatio}. */
        public Builder cosineSchedule(double minLrRatio, double numCycles) {
            return put(
                    "lr_scheduler",
                    Map.of(
                            "lr_scheduler_type",
                            "cosine",
                            "lr_scheduler_args",
                            Map.of(
                                    "min_lr_ratio",
                                    ratio(minLrRatio, "minLrRatio"),
                                    "num_cycles",
                                    positive(numCycles, "numCycles"))));
        }

        /** Sets the share of steps, from 0 to 1, over which the learning rate ramps up from zero. */
        public Builder warmupRatio(double warmupRatio) {
            return put("warmup_ratio", ratio(warmupRatio, "warmupRatio"));
        }

        /** Sets the gradient-norm clipping threshold; 0 turns clipping off. */
        public Builder maxGradNorm(double maxGradNorm) {
            if (!(maxGradNorm >= 0)) {
                throw new IllegalArgumentException("maxGradNorm must not be negative but was " + maxGradNorm);
            }
            return put("max_grad_norm", maxGradNorm);
        }

        /** Sets the weight decay (L2 regularisation) of the optimiser; at least 0. */
        public Builder weightDecay(double weightDecay) {
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weightDecay must not be negative but was " + weightDecay);
            }
            return put("weight_decay", weightDecay);
        }

        /** Sets the seed that makes a rerun reproducible. */
        public Builder seed(int seed) {
            return put("random_seed", seed);
        }

        /** Sets a suffix the fine-tuned model's name will carry. */
        public Builder suffix(String suffix) {
            return put("suffix", nonBlank(suffix, "suffix"));
        }

        /** Turns sequence packing on or off (on by default). */
        public Builder packing(boolean packing) {
            return put("packing", packing);
        }

        /** Sets the longest sequence trained on, in tokens. */
        public Builder maxSeqLength(int maxSeqLength) {
            return put("max_seq_length", atLeast(maxSeqLength, 1, "maxSeqLength"));
        }

        /** Continues from a checkpoint: {@code JOB_ID}, {@code MODEL_NAME}, optionally with {@code :STEP}. */
        public Builder fromCheckpoint(String checkpoint) {
            return put("from_checkpoint", nonBlank(checkpoint, "checkpoint"));
        }

        /** Logs the run to Weights &amp; Biases project {@code project} with {@code apiKey}. */
        public Builder wandb(String apiKey, String project) {
            put("wandb_api_key", nonBlank(apiKey, "apiKey"));
            return put("wandb_project_name", nonBlank(project, "project"));
        }

        /** Builds the request. */
        public TogetherJobRequest build() {
            return new TogetherJobRequest(this);
        }

        private Builder put(String key, Object value) {
            json.put(key, value);
            return this;
        }

        private static int atLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
            }
            return value;
        }

        private static double positive(double value, String name) {
            if (!(value > 0)) {
                throw new IllegalArgumentException(name + " must be above 0 but was " + value);
            }
            return value;
        }

        private static double ratio(double value, String name) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be from 0 to 1 but was " + value);
            }
            return value;
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
