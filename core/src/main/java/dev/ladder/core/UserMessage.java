package dev.ladder.core;

import java.util.List;
import java.util.stream.Collectors;

/** What the user said: text parts and image parts, in order. */
public record UserMessage(List<ContentPart> parts) implements Message {

    public UserMessage {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a user message needs at least one part");
        }
    }

    /** Returns the text parts joined, ignoring images. */
    public String text() {
        return parts.stream()
                .filter(TextPart.class::isInstance)
                .map(part -> ((TextPart) part).text())
                .collect(Collectors.joining());
    }
}
