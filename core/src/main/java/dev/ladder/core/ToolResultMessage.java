package dev.ladder.core;

import java.util.Objects;

/**
 * The result of running a tool the model called.
 *
 * @param toolCallId the id of the {@link ToolCall} this answers.
 * @param content what the tool returned, usually JSON or plain text.
 * @param error true when the tool failed and {@code content} describes the failure.
 */
public record ToolResultMessage(String toolCallId, String content, boolean error) implements Message {

    public ToolResultMessage {
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(content, "content");
    }
}
