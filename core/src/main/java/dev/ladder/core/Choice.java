package dev.ladder.core;

import java.util.List;
import java.util.Objects;

/**
 * One of the answers a model generated for a request.
 *
 * @param index the position of this choice, from 0.
 * @param message the assistant message.
 * @param finishReason why generation stopped.
 * @param rawFinishReason the provider's own word for it, or null when it gave none.
 * @param logprobs token log probabilities when they were requested, otherwise empty.
 */
public record Choice(
        int index,
        AssistantMessage message,
        FinishReason finishReason,
        String rawFinishReason,
        List<TokenLogprob> logprobs) {

    public Choice {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(finishReason, "finishReason");
        logprobs = List.copyOf(logprobs);
    }
}
