package dev.ladder.peft.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of an OpenAI fine-tuning method. Every knob left unset is {@code "auto"}: OpenAI picks it from
 * the dataset. Which knobs a method takes: supervised takes epochs, batch size and learning-rate
 * multiplier; DPO adds beta; reinforcement adds reasoning effort, compute multiplier, eval interval and
 * eval samples. Immutable and thread-safe.
 */
public final class OpenAiHyperparameters {
    /** Every knob on {@code "auto"}. */
    public static final OpenAiHyperparameters AUTO = builder().build();

    private final Map<String, Object> values;

    private OpenAiHyperparameters(Builder b) {
        this.values = Map.copyOf(b.values);
    }

    /** Returns a builder with every knob on {@code "auto"}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns true if any knob of a DPO-only setting (beta) is set. */
    boolean hasDpoKnobs() {
        return values.containsKey("beta");
    }

    /** Returns true if any reinforcement-only knob is set. */
    boolean hasReinforcementKnobs() {
        return values.containsKey("reasoning_effort")
                || values.containsKey("compute_multiplier")
                || values.containsKey("eval_interval")
                || values.containsKey("eval_samples");
    }

    Map<String, Object> toJson() {
        return new LinkedHashMap<>(new java.util.TreeMap<>(values));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenAiHyperparameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "OpenAiHyperparameters" + new java.util.TreeMap<>(values);
    }

    /** Collects knobs. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        /** Sets the passes over the training data, 1 to 50. */
        public Builder epochs(int epochs) {
            return put("n_epochs", range(epochs, 1, 50, "epochs"));
        }

        /** Sets the examples per optimiser step, 1 to 256. */
        public Builder batchSize(int batchSize) {
            return put("batch_size", range(batchSize, 1, 256, "batchSize"));
        }

        /** Sets the factor on OpenAI's base learning rate; above 0, typically 0.02 to 2. */
        public Builder learningRateMultiplier(double multiplier) {
            return put("learning_rate_multiplier", positive(multiplier, "learningRateMultiplier"));
        }

        /** Sets the DPO beta, above 0 and at most 2: lower lets the model move further from the reference. */
        public Builder beta(double beta) {
            if (!(beta > 0 && beta <= 2)) {
                throw new IllegalArgumentException("beta must be above 0 and at most 2 but was " + beta);
            }
            return put("beta", beta);
        }

        /** Sets the reasoning effort of reinforcement fine-tuning: {@code low}, {@code medium} or {@code high}. */
        public Builder reasoningEffort(String effort) {
            Objects.requireNonNull(effort, "effort");
            if (!effort.equals("low") && !effort.equals("medium") && !effort.equals("high")) {
                throw new IllegalArgumentException(
                        "reasoningEffort must be low, medium or high but was '" + effort + "'");
            }
            return put("reasoning_effort", effort);
        }

        /** Sets the compute multiplier of reinforcement fine-tuning; above 0. */
        public Builder computeMultiplier(double multiplier) {
            return put("compute_multiplier", positive(multiplier, "computeMultiplier"));
        }

        /** Sets how many training steps pass between evaluations in reinforcement fine-tuning. */
        public Builder evalInterval(int steps) {
            return put("eval_interval", range(steps, 1, Integer.MAX_VALUE, "evalInterval"));
        }

        /** Sets how many samples each reinforcement evaluation draws. */
        public Builder evalSamples(int samples) {
            return put("eval_samples", range(samples, 1, Integer.MAX_VALUE, "evalSamples"));
        }

        /** Builds the knobs. */
        public OpenAiHyperparameters build() {
            return new OpenAiHyperparameters(this);
        }

        private Builder put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        private static int range(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be from " + min + " to " + max + " but was " + value);
            }
            return value;
        }

        private static double positive(double value, String name) {
            if (!(value > 0)) {
                throw new IllegalArgumentException(name + " must be above 0 but was " + value);
            }
            return value;
        }
    }
}
