package dev.ladder.peft.dataset;

/**
 * Counts the tokens of a piece of text. {@link TiktokenEstimator} counts exactly with OpenAI's
 * encodings (it needs the optional jtokkit library); the built-in {@link #heuristic()} needs nothing.
 * Any other tokenizer plugs in as a lambda. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TokenEstimator {

    /** Returns the number of tokens in {@code text}; never negative. */
    int count(String text);

    /**
     * Returns an estimator that splits text the way byte-pair tokenizers of the cl100k and o200k family
     * pre-split it and prices each piece; see {@link HeuristicTokenEstimator} for the rules. It is an
     * estimate, not a count: within 2% of {@code o200k_base} on chat text, about 10% under on prose
     * mixed with code, about a third over on short JSON.
     */
    static TokenEstimator heuristic() {
        return HeuristicTokenEstimator.INSTANCE;
    }
}
