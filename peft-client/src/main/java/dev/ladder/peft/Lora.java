package dev.ladder.peft;

/**
 * The adapter settings of a LoRA fine-tune: small low-rank matrices trained beside frozen base weights.
 *
 * @param rank the rank r of the update matrices: capacity of the adapter; 8 to 64 is common.
 * @param alpha the scaling numerator: the update is scaled by alpha / rank; often equal to or twice the rank.
 * @param dropout the dropout probability applied to the adapter input during training, from 0 to below 1.
 * @param trainableModules which layers get adapters, such as {@code all-linear} or
 *     {@code q_proj,k_proj,v_proj,o_proj}; null leaves the provider's default.
 */
public record Lora(int rank, int alpha, double dropout, String trainableModules) {

    /** Validates the settings. */
    public Lora {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1 but was " + rank);
        }
        if (alpha < 1) {
            throw new IllegalArgumentException("LoRA alpha must be at least 1 but was " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be from 0 to below 1 but was " + dropout);
        }
    }

    /** Returns adapter settings of {@code rank} and {@code alpha}, no dropout, default modules. */
    public static Lora of(int rank, int alpha) {
        return new Lora(rank, alpha, 0, null);
    }
}
