package dev.ladder.core.eval;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.Usage;
import java.util.Objects;

/**
 * What a strategy answered for one case, with the tokens it spent doing so.
 *
 * @param text the answer.
 * @param usage the tokens of every model call the strategy made for this case.
 */
public record Answer(String text, Usage usage) {

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }

    /** Creates an answer that cost no tokens, as a plain function gives. */
    public static Answer of(String text) {
        return new Answer(text, Usage.ZERO);
    }

    /** Creates an answer from the text and usage of {@code response}. */
    public static Answer from(ChatResponse response) {
        return new Answer(response.text(), response.usage());
    }
}
