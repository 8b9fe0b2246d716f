package dev.ladder.core;

import java.util.Objects;

/** An instruction that frames the whole conversation. */
public record SystemMessage(String text) implements Message {

    public SystemMessage {
        Objects.requireNonNull(text, "text");
    }
}
