package dev.ladder.core.openai;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Choice;
import dev.ladder.core.TokenLogprob;
import dev.ladder.core.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Accumulates the deltas of one streamed choice. Not thread-safe. */
final class ChoiceBuilder {
    private final int index;
    private StringBuilder content;
    private StringBuilder refusal;
    private final List<ToolCallBuilder> toolCalls = new ArrayList<>();
    private final List<TokenLogprob> logprobs = new ArrayList<>();
    private String finishReason;

    ChoiceBuilder(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    void appendContent(String delta) {
        if (content == null) {
            content = new StringBuilder();
        }
        content.append(delta);
    }

    void appendRefusal(String delta) {
        if (refusal == null) {
            refusal = new StringBuilder();
        }
        refusal.append(delta);
    }

    /** Returns the builder of tool call {@code position}, creating the calls up to it. */
    ToolCallBuilder toolCall(int position) {
        while (toolCalls.size() <= position) {
            toolCalls.add(new ToolCallBuilder(toolCalls.size()));
        }
        return toolCalls.get(position);
    }

    List<TokenLogprob> logprobs() {
        return logprobs;
    }

    void finishReason(String finishReason) {
        this.finishReason = finishReason;
    }

    boolean finished() {
        return finishReason != null;
    }

    Choice build() {
        List<ToolCall> calls = new ArrayList<>(toolCalls.size());
        for (ToolCallBuilder call : toolCalls) {
            calls.add(call.build(index));
        }
        String refusalText = refusal == null ? null : refusal.toString();
        AssistantMessage message =
                new AssistantMessage(content == null ? null : content.toString(), refusalText, calls);
        return new Choice(index, message, FinishReasons.of(finishReason, refusalText != null), finishReason, logprobs);
    }

    /** Accumulates one streamed tool call. */
    static final class ToolCallBuilder {
        private final int position;
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        ToolCallBuilder(int position) {
            this.position = position;
        }

        void id(String id) {
            this.id = id;
        }

        void appendName(String part) {
            name = name == null ? part : name + part;
        }

        void appendArguments(String part) {
            arguments.append(part);
        }

        ToolCall build(int choice) {
            String callId = id != null ? id : "call_" + choice + "_" + position;
            return new ToolCall(callId, name == null ? "" : name, arguments.toString());
        }
    }
}
