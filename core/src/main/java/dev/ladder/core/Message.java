package dev.ladder.core;

import java.util.List;

/**
 * One turn of a conversation. The set is closed: a system instruction, a user turn, an assistant
 * turn, or the result of a tool call.
 */
public sealed interface Message permits SystemMessage, UserMessage, AssistantMessage, ToolResultMessage {

    /** Creates a system instruction. */
    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    /** Creates a user turn holding {@code text}. */
    static UserMessage user(String text) {
        return new UserMessage(List.of(new TextPart(text)));
    }

    /** Creates a user turn from text and image parts. */
    static UserMessage user(ContentPart... parts) {
        return new UserMessage(List.of(parts));
    }

    /** Creates an assistant turn holding {@code text}, as used for few-shot examples. */
    static AssistantMessage assistant(String text) {
        return new AssistantMessage(text, null, List.of());
    }

    /** Creates the result of the tool call {@code toolCallId}. */
    static ToolResultMessage toolResult(String toolCallId, String content) {
        return new ToolResultMessage(toolCallId, content, false);
    }
}
