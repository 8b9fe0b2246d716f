package dev.ladder.core;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of text a {@link Retriever} found, with its score and where it came from.
 *
 * @param id stable identifier of the passage within its store.
 * @param text the passage text.
 * @param score relevance, higher is better; comparable only within one retriever's results.
 * @param metadata source metadata such as {@code source}, {@code position} or {@code headings};
 *     values are strings, numbers or booleans.
 */
public record Passage(String id, String text, double score, Map<String, Object> metadata) {

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        metadata = Metadata.copyOf(metadata);
    }

    /** Returns the metadata value {@code source}, or the id when there is none. */
    public String source() {
        Object source = metadata.get("source");
        return source == null ? id : source.toString();
    }

    /** Returns a copy of this passage with {@code score}. */
    public Passage withScore(double score) {
        return new Passage(id, text, score, metadata);
    }
}
