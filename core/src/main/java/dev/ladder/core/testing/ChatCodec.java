package dev.ladder.core.testing;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.ContentPart;
import dev.ladder.core.FinishReason;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.TextPart;
import dev.ladder.core.TokenLogprob;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.Usage;
import dev.ladder.core.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts chat requests, responses and stream events to the JSON trees stored in a cassette, and
 * responses and events back. Requests leave out what does not change the answer (timeout, retries)
 * and what may hold secrets (extra headers).
 */
final class ChatCodec {
    private ChatCodec() {}

    static Map<String, Object> requestTree(ChatRequest request) {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, "model", request.model());
        tree.put(
                "messages",
                request.messages().stream().map(ChatCodec::messageTree).toList());
        put(tree, "temperature", request.temperature());
        put(tree, "topP", request.topP());
        put(tree, "maxOutputTokens", request.maxOutputTokens());
        putList(tree, "stop", request.stop());
        put(tree, "seed", request.seed());
        put(tree, "choices", request.choices());
        putList(tree, "tools", request.tools().stream().map(ChatCodec::toolTree).toList());
        if (request.toolChoice() != null) {
            tree.put(
                    "toolChoice",
                    request.toolChoice().mode()
                            + optional(":", request.toolChoice().toolName()));
        }
        put(tree, "parallelToolCalls", request.parallelToolCalls());
        if (request.responseFormat() != null) {
            Map<String, Object> format = new LinkedHashMap<>();
            format.put("type", request.responseFormat().type().name());
            put(format, "name", request.responseFormat().name());
            put(format, "schema", request.responseFormat().schema());
            format.put("strict", request.responseFormat().strict());
            tree.put("responseFormat", format);
        }
        put(tree, "logprobs", request.logprobs());
        put(tree, "topLogprobs", request.topLogprobs());
        if (!request.extraBody().isEmpty()) {
            tree.put("extraBody", request.extraBody());
        }
        return tree;
    }

    private static Map<String, Object> messageTree(Message message) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (message instanceof SystemMessage system) {
            tree.put("role", "system");
            tree.put("text", system.text());
        } else if (message instanceof UserMessage user) {
            tree.put("role", "user");
            if (user.parts().size() == 1 && user.parts().get(0) instanceof TextPart text) {
                tree.put("text", text.text());
            } else {
                tree.put("parts", user.parts().stream().map(ChatCodec::partTree).toList());
            }
        } else if (message instanceof AssistantMessage assistant) {
            tree.put("role", "assistant");
            putAssistant(tree, assistant);
        } else if (message instanceof ToolResultMessage result) {
            tree.put("role", "tool");
            tree.put("toolCallId", result.toolCallId());
            tree.put("content", result.content());
            if (result.error()) {
                tree.put("error", true);
            }
        }
        return tree;
    }

    private static Map<String, Object> partTree(ContentPart part) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (part instanceof TextPart text) {
            tree.put("text", text.text());
        } else if (part instanceof ImagePart image) {
            put(tree, "imageUrl", image.url());
            put(tree, "mediaType", image.mediaType());
            put(tree, "data", image.data());
            put(tree, "detail", image.detail());
        }
        return tree;
    }

    private static Map<String, Object> toolTree(Tool tool) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", tool.name());
        tree.put("description", tool.description());
        tree.put("parameters", tool.parameters());
        if (tool.strict()) {
            tree.put("strict", true);
        }
        return tree;
    }

    static Map<String, Object> responseTree(ChatResponse response) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", response.id());
        tree.put("model", response.model());
        List<Object> choices = new ArrayList<>();
        for (Choice choice : response.choices()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("index", choice.index());
            c.put("finishReason", choice.finishReason().name());
            c.put("rawFinishReason", choice.rawFinishReason());
            putAssistant(c, choice.message());
            putList(
                    c,
                    "logprobs",
                    choice.logprobs().stream().map(ChatCodec::logprobTree).toList());
            choices.add(c);
        }
        tree.put("choices", choices);
        tree.put("usage", usageTree(response.usage()));
        put(tree, "raw", response.raw());
        return tree;
    }

    static ChatResponse response(Map<String, Object> tree) {
        List<Choice> choices = new ArrayList<>();
        for (Object item : Trees.list(tree, "choices")) {
            Map<String, Object> c = Trees.map(item);
            choices.add(new Choice(
                    Trees.integer(c, "index"),
                    assistant(c),
                    FinishReason.valueOf(Trees.string(c, "finishReason")),
                    Trees.string(c, "rawFinishReason"),
                    Trees.optionalList(c, "logprobs").stream()
                            .map(ChatCodec::logprob)
                            .toList()));
        }
        return new ChatResponse(
                Trees.string(tree, "id"),
                Trees.string(tree, "model"),
                choices,
                usage(Trees.map(tree.get("usage"))),
                Trees.string(tree, "raw"));
    }

    private static void putAssistant(Map<String, Object> tree, AssistantMessage message) {
        put(tree, "text", message.text());
        put(tree, "refusal", message.refusal());
        List<Object> calls = new ArrayList<>();
        for (ToolCall call : message.toolCalls()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", call.id());
            c.put("name", call.name());
            c.put("arguments", call.arguments());
            calls.add(c);
        }
        putList(tree, "toolCalls", calls);
    }

    private static AssistantMessage assistant(Map<String, Object> tree) {
        List<ToolCall> calls = new ArrayList<>();
        for (Object item : Trees.optionalList(tree, "toolCalls")) {
            Map<String, Object> c = Trees.map(item);
            calls.add(new ToolCall(Trees.string(c, "id"), Trees.string(c, "name"), Trees.string(c, "arguments")));
        }
        return new AssistantMessage(Trees.string(tree, "text"), Trees.string(tree, "refusal"), calls);
    }

    private static Map<String, Object> logprobTree(TokenLogprob logprob) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("token", logprob.token());
        tree.put("logprob", logprob.logprob());
        putList(tree, "bytes", logprob.bytes());
        putList(
                tree,
                "top",
                logprob.topLogprobs().stream().map(ChatCodec::logprobTree).toList());
        return tree;
    }

    private static TokenLogprob logprob(Object item) {
        Map<String, Object> tree = Trees.map(item);
        return new TokenLogprob(
                Trees.string(tree, "token"),
                Trees.number(tree, "logprob").doubleValue(),
                Trees.optionalList(tree, "bytes").stream()
                        .map(b -> ((Number) b).intValue())
                        .toList(),
                Trees.optionalList(tree, "top").stream().map(ChatCodec::logprob).toList());
    }

    static Map<String, Object> usageTree(Usage usage) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("inputTokens", usage.inputTokens());
        tree.put("outputTokens", usage.outputTokens());
        tree.put("cachedTokens", usage.cachedTokens());
        tree.put("reasoningTokens", usage.reasoningTokens());
        return tree;
    }

    static Usage usage(Map<String, Object> tree) {
        return new Usage(
                Trees.number(tree, "inputTokens").longValue(),
                Trees.number(tree, "outputTokens").longValue(),
                Trees.number(tree, "cachedTokens").longValue(),
                Trees.number(tree, "reasoningTokens").longValue());
    }

    static StreamEvent event(Map<String, Object> tree) {
        int choice = tree.containsKey("choice") ? Trees.integer(tree, "choice") : 0;
        if (tree.containsKey("text")) {
            return new StreamEvent.Text(choice, Trees.string(tree, "text"));
        }
        if (tree.containsKey("refusal")) {
            return new StreamEvent.Refusal(choice, Trees.string(tree, "refusal"));
        }
        if (tree.containsKey("usage")) {
            return new StreamEvent.UsageReport(usage(Trees.map(tree.get("usage"))));
        }
        Map<String, Object> call = Trees.map(tree.get("toolCall"));
        return new StreamEvent.ToolCallPiece(new ToolCallDelta(
                Trees.integer(call, "choice"),
                Trees.integer(call, "index"),
                Trees.string(call, "id"),
                Trees.string(call, "name"),
                Trees.string(call, "argumentsDelta")));
    }

    private static String optional(String prefix, String value) {
        return value == null ? "" : prefix + value;
    }

    private static void put(Map<String, Object> tree, String name, Object value) {
        if (value != null) {
            tree.put(name, value);
        }
    }

    private static void putList(Map<String, Object> tree, String name, List<?> values) {
        if (!values.isEmpty()) {
            tree.put(name, values);
        }
    }
}
