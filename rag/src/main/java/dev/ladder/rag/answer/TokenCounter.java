package dev.ladder.rag.answer;

/**
 * Counts the tokens a text costs in a model's prompt, to keep the context within a budget. Plug in
 * the model's own tokenizer for exact counts. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TokenCounter {

    /** Returns the number of tokens {@code text} takes; 0 for an empty text. */
    int count(String text);

    /**
     * Returns the default estimate: one token per four characters (UTF-16 code units), rounded up.
     * This is the usual rule of thumb for English with byte-pair tokenizers (GPT, Llama, Claude);
     * it runs high for plain English words and low for code, numbers and non-Latin scripts (Chinese
     * text takes about one token per character), so leave headroom in the budget or use the real
     * tokenizer.
     */
    static TokenCounter estimate() {
        return text -> (text.length() + 3) / 4;
    }
}
