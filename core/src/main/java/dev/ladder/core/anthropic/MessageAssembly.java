package dev.ladder.core.anthropic;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.FinishReason;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the parts of one Messages API answer, from a whole response or from stream events, and
 * turns them into a {@link ChatResponse}. Text blocks are joined; {@code tool_use} blocks become
 * tool calls with their input exactly as sent; server tools, thinking and other block types are
 * left to {@link ChatResponse#raw()}. Not thread-safe.
 */
final class MessageAssembly {
    private String id;
    private String model;
    private final StringBuilder text = new StringBuilder();
    private boolean sawText;
    private final List<String[]> toolCalls = new ArrayList<>();
    private String stopReason;
    private String refusalExplanation;
    private long inputTokens;
    private long cacheReadTokens;
    private long cacheCreationTokens;
    private long outputTokens;
    private long thinkingTokens;

    void id(String id) {
        this.id = id;
    }

    void model(String model) {
        this.model = model;
    }

    void appendText(String delta) {
        sawText = true;
        text.append(delta);
    }

    /** Adds a tool call and returns its position among the tool calls. */
    int addToolCall(String id, String name) {
        toolCalls.add(new String[] {id, name, ""});
        return toolCalls.size() - 1;
    }

    void appendArguments(int toolIndex, String delta) {
        String[] call = toolCalls.get(toolIndex);
        call[2] = call[2] + delta;
    }

    String arguments(int toolIndex) {
        return toolCalls.get(toolIndex)[2];
    }

    void stopReason(String stopReason) {
        this.stopReason = stopReason;
    }

    /** Reads {@code stop_details}, which explains a refusal. */
    void stopDetails(Object details) {
        if (details instanceof Map<?, ?> map && map.get("explanation") instanceof String explanation) {
            refusalExplanation = explanation;
        }
    }

    /** Takes every token count present in {@code usage}; counts it lacks keep their value. */
    void usage(Object usage) {
        if (!(usage instanceof Map<?, ?> map)) {
            return;
        }
        inputTokens = count(map.get("input_tokens"), inputTokens);
        cacheReadTokens = count(map.get("cache_read_input_tokens"), cacheReadTokens);
        cacheCreationTokens = count(map.get("cache_creation_input_tokens"), cacheCreationTokens);
        outputTokens = count(map.get("output_tokens"), outputTokens);
        if (map.get("output_tokens_details") instanceof Map<?, ?> details) {
            thinkingTokens = count(details.get("thinking_tokens"), thinkingTokens);
        }
    }

    /** Returns the token counts: input includes cache reads and writes; reasoning is thinking. */
    Usage usage() {
        return new Usage(
                inputTokens + cacheReadTokens + cacheCreationTokens, outputTokens, cacheReadTokens, thinkingTokens);
    }

    /** Returns the assembled response; {@code raw} is the response body, or null for a stream. */
    ChatResponse response(String raw) {
        FinishReason finishReason = finishReason(stopReason);
        String refusal = finishReason == FinishReason.REFUSAL ? orEmpty(refusalExplanation) : null;
        List<ToolCall> calls =
                toolCalls.stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
        AssistantMessage message = new AssistantMessage(sawText ? text.toString() : null, refusal, calls);
        Choice choice = new Choice(0, message, finishReason, stopReason, List.of());
        return new ChatResponse(id, model, List.of(choice), usage(), raw);
    }

    /** Maps Anthropic's {@code stop_reason}; values Ladder does not know, and none, are OTHER. */
    static FinishReason finishReason(String stopReason) {
        return switch (stopReason == null ? "" : stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.REFUSAL;
            default -> FinishReason.OTHER;
        };
    }

    private static long count(Object value, long otherwise) {
        return value instanceof Number number ? number.longValue() : otherwise;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
