package dev.ladder.rag.answer;

import dev.ladder.core.Passage;
import java.util.Objects;

/**
 * A source an answer cites: the number it had in the prompt and the passage behind it.
 *
 * @param number the number shown to the model, from 1.
 * @param passage the passage numbered so.
 */
public record Citation(int number, Passage passage) {

    public Citation {
        if (number < 1) {
            throw new IllegalArgumentException("citation number must be at least 1, was " + number);
        }
        Objects.requireNonNull(passage, "passage");
    }
}
