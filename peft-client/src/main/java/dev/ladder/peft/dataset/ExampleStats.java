package dev.ladder.peft.dataset;

/**
 * Token estimates for one example that parsed.
 *
 * @param line the 1-based line number of the example.
 * @param tokens estimated tokens of the whole example, including per-message overhead.
 * @param trainedTokens estimated tokens of the assistant turns the model learns from.
 */
public record ExampleStats(int line, int tokens, int trainedTokens) {

    /** Validates the counts. */
    public ExampleStats {
        if (line < 1 || tokens < 0 || trainedTokens < 0) {
            throw new IllegalArgumentException(
                    "line must be positive and counts not negative: " + line + ", " + tokens + ", " + trainedTokens);
        }
    }
}
