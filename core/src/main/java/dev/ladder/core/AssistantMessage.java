package dev.ladder.core;

import java.util.List;

/**
 * What the model said: text, a refusal, tool calls, or several of these.
 *
 * @param text the answer text, or null when the model only called tools or refused.
 * @param refusal the model's explanation for refusing, or null.
 * @param toolCalls the tools the model wants called, in order; empty when none.
 */
public record AssistantMessage(String text, String refusal, List<ToolCall> toolCalls) implements Message {

    public AssistantMessage {
        toolCalls = List.copyOf(toolCalls);
    }

    /** Returns true if the model asked for at least one tool call. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
