package dev.ladder.rag.eval;

import java.util.Objects;

/**
 * One document of a {@link BeirDataset} corpus.
 *
 * @param id the corpus id that qrels refer to.
 * @param title the title, empty when the collection has none.
 * @param text the body text.
 */
public record BeirDocument(String id, String title, String text) {

    public BeirDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** Returns the title and the text separated by a blank line, as BEIR indexes them. */
    public String fullText() {
        return title.isEmpty() ? text : title + "\n\n" + text;
    }
}
