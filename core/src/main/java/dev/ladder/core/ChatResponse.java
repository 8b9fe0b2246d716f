package dev.ladder.core;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer to a {@link ChatRequest}.
 *
 * @param id the provider's id for the response, or null when it gave none.
 * @param model the model that answered, as the provider names it.
 * @param choices the answers, at least one; more when several were asked for.
 * @param usage the tokens the call consumed.
 * @param raw the provider's response body as JSON text, for fields Ladder does not map; for a
 *     streamed response, null.
 */
public record ChatResponse(String id, String model, List<Choice> choices, Usage usage, String raw) {

    public ChatResponse {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a response needs at least one choice");
        }
        Objects.requireNonNull(usage, "usage");
    }

    /** Returns the message of the first choice. */
    public AssistantMessage message() {
        return choices.get(0).message();
    }

    /** Returns the text of the first choice, or an empty string when it has none. */
    public String text() {
        String text = message().text();
        return text == null ? "" : text;
    }

    /** Returns why the first choice stopped. */
    public FinishReason finishReason() {
        return choices.get(0).finishReason();
    }
}
