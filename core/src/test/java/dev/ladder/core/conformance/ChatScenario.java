package dev.ladder.core.conformance;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.FinishReason;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import java.util.List;
import java.util.Objects;

/**
 * A model made ready to answer one request in a known way, and the answer it must give: what a
 * {@link ChatModelContract} subclass hands the contract for each test.
 *
 * @param model the model under test, ready to answer {@code request} once.
 * @param request the request the contract sends.
 * @param expectedText the answer text of the first choice, or null when it has none.
 * @param expectedToolCalls the tool calls of the first choice; arguments are compared as JSON
 *     values, so formatting may differ.
 * @param expectedFinishReason why the first choice stops.
 * @param expectedUsage the token counts the call reports.
 */
public record ChatScenario(
        ChatModel model,
        ChatRequest request,
        String expectedText,
        List<ToolCall> expectedToolCalls,
        FinishReason expectedFinishReason,
        Usage expectedUsage) {

    public ChatScenario {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        expectedToolCalls = List.copyOf(expectedToolCalls);
        Objects.requireNonNull(expectedFinishReason, "expectedFinishReason");
        Objects.requireNonNull(expectedUsage, "expectedUsage");
    }

    /** Creates a scenario whose answer is {@code text}, stopping naturally. */
    public static ChatScenario text(ChatModel model, ChatRequest request, String text, Usage usage) {
        return new ChatScenario(
                model, request, Objects.requireNonNull(text, "text"), List.of(), FinishReason.STOP, usage);
    }

    /** Creates a scenario whose answer is {@code text} (possibly null) and then {@code calls}. */
    public static ChatScenario toolCalls(
            ChatModel model, ChatRequest request, String text, List<ToolCall> calls, Usage usage) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a tool-call scenario needs at least one expected call");
        }
        return new ChatScenario(model, request, text, calls, FinishReason.TOOL_CALLS, usage);
    }
}
