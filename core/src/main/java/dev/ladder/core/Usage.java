package dev.ladder.core;

/**
 * Tokens a call consumed.
 *
 * @param inputTokens tokens of the prompt, including cached ones.
 * @param outputTokens tokens generated, including reasoning tokens.
 * @param cachedTokens prompt tokens served from the provider's cache.
 * @param reasoningTokens generated tokens spent on hidden reasoning.
 */
public record Usage(long inputTokens, long outputTokens, long cachedTokens, long reasoningTokens) {

    /** No tokens. */
    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: " + inputTokens + ", " + outputTokens
                    + ", " + cachedTokens + ", " + reasoningTokens);
        }
    }

    /** Returns input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** Returns the sum of this and {@code other}, for totals over several calls. */
    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens,
                reasoningTokens + other.reasoningTokens);
    }
}
