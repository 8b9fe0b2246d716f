package dev.ladder.core;

import java.util.List;

/**
 * Turns texts into vectors that are close when the texts mean similar things.
 *
 * <p>Implementations are thread-safe. They split a batch larger than their provider accepts into
 * several calls and return the vectors in the order of the texts.
 */
public interface Embedder {

    /**
     * Embeds {@code texts}, returning one vector per text in the same order.
     *
     * @throws IllegalArgumentException if a text is null.
     * @throws LadderException when the embedding service fails.
     */
    List<float[]> embed(List<String> texts);

    /** Embeds one text. */
    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }
}
