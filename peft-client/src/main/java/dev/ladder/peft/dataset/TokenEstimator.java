package dev.ladder.peft.dataset;

/**
 * Counts the tokens of a piece of text. Plug in a real tokenizer for exact counts; the built-in
 * {@link #heuristic()} needs no model files. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TokenEstimator {

    /** Returns the number of tokens in {@code text}; never negative. */
    int count(String text);

    /**
     * Returns an estimator that splits text the way byte-pair tokenizers of the cl100k and o200k family
     * pre-split it and prices each piece; see {@link HeuristicTokenEstimator} for the rules. It is an
     * estimate, not a count: expect it to be off by some tens of percent on unusual text.
     */
    static TokenEstimator heuristic() {
        return HeuristicTokenEstimator.INSTANCE;
    }
}
