package dev.ladder.core;

import java.util.Objects;

/** A piece of text in a user message. */
public record TextPart(String text) implements ContentPart {

    public TextPart {
        Objects.requireNonNull(text, "text");
    }
}
