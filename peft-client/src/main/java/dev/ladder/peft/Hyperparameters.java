package dev.ladder.peft;

/**
 * The training knobs a job ran or runs with, normalised over providers. A null component means the
 * provider chose it ({@code "auto"}) or did not report it.
 *
 * @param epochs passes over the training data.
 * @param batchSize examples per optimiser step.
 * @param learningRate the absolute peak learning rate (Together).
 * @param learningRateMultiplier a factor on the provider's base learning rate (OpenAI).
 * @param warmupRatio the share of steps over which the learning rate ramps up (Together).
 * @param beta the DPO temperature: how far the tuned model may move from the reference model.
 * @param lora the adapter settings of a LoRA fine-tune; null for full fine-tuning or when not reported.
 */
public record Hyperparameters(
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Double learningRateMultiplier,
        Double warmupRatio,
        Double beta,
        Lora lora) {

    /** Every knob left to the provider. */
    public static final Hyperparameters AUTO = new Hyperparameters(null, null, null, null, null, null, null);
}
