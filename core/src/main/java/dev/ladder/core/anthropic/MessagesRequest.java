package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ContentPart;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.TextPart;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolChoice;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link ChatRequest} as the body of a Messages API call. System messages become the
 * top-level {@code system} text, joined by blank lines wherever they stood; consecutive tool results
 * become one user turn of {@code tool_result} blocks; tool-call arguments are sent as the JSON
 * objects the model wrote, unchanged. Fields in {@link ChatRequest#extraBody()} are written last, replacing Ladder's.
 */
final class MessagesRequest {
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private MessagesRequest() {}

    /**
     * Returns the body tree for {@code request}.
     *
     * @throws IllegalArgumentException if the request asks for what the Messages API cannot do.
     */
    static Map<String, Object> body(ChatRequest request, String model, int maxTokens, boolean stream) {
        rejectUnsupported(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("max_tokens", request.maxOutputTokens() != null ? request.maxOutputTokens() : maxTokens);
        String system = request.messages().stream()
                .filter(SystemMessage.class::isInstance)
                .map(m -> ((SystemMessage) m).text())
                .collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.put("messages", messages(request.messages()));
        putIfSet(body, "temperature", request.temperature());
        putIfSet(body, "top_p", request.topP());
        if (!request.stop().isEmpty()) {
            body.put("stop_sequences", request.stop());
        }
        if (!request.tools().isEmpty()) {
            body.put(
                    "tools", request.tools().stream().map(MessagesRequest::tool).toList());
        }
        Map<String, Object> toolChoice = toolChoice(request.toolChoice(), request.parallelToolCalls());
        if (toolChoice != null) {
            body.put("tool_choice", toolChoice);
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            body.put("output_config", Map.of("format", Map.of("type", "json_schema", "schema", format.schema())));
        }
        if (stream) {
            body.put("stream", true);
        }
        body.putAll(request.extraBody());
        return body;
    }

    private static void rejectUnsupported(ChatRequest request) {
        if (request.choices() != null && request.choices() > 1) {
            throw new IllegalArgumentException("Anthropic returns one choice per request, but " + request.choices()
                    + " were asked for: leave choices unset and send several requests");
        }
        if (Boolean.TRUE.equals(request.logprobs())) {
            throw new IllegalArgumentException(
                    "Anthropic does not return token log probabilities: leave logprobs unset for this provider");
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT) {
            throw new IllegalArgumentException("Anthropic has no JSON-object mode: use ResponseFormat.jsonSchema(..)"
                    + " with a schema, or ask for JSON in the prompt");
        }
    }

    private static List<Object> messages(List<Message> messages) {
        List<Object> turns = new ArrayList<>();
        List<Object> toolResults = null;
        for (Message message : messages) {
            if (message instanceof ToolResultMessage result) {
                if (toolResults == null) {
                    toolResults = new ArrayList<>();
                    turns.add(Map.of("role", "user", "content", toolResults));
                }
                toolResults.add(toolResult(result));
                continue;
            }
            toolResults = null;
            if (message instanceof UserMessage user) {
                turns.add(turn("user", userContent(user)));
            } else if (message instanceof AssistantMessage assistant) {
                turns.add(turn("assistant", assistantContent(assistant)));
            }
        }
        return turns;
    }

    private static Map<String, Object> turn(String role, Object content) {
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("role", role);
        turn.put("content", content);
        return turn;
    }

    private static Object userContent(UserMessage user) {
        if (user.parts().size() == 1 && user.parts().get(0) instanceof TextPart text) {
            return text.text();
        }
        return user.parts().stream().map(MessagesRequest::part).toList();
    }

    private static Map<String, Object> part(ContentPart part) {
        if (part instanceof TextPart text) {
            return textBlock(text.text());
        }
        ImagePart image = (ImagePart) part;
        Map<String, Object> source = new LinkedHashMap<>();
        if (image.url() != null) {
            source.put("type", "url");
            source.put("url", image.url());
        } else {
            source.put("type", "base64");
            source.put("media_type", image.mediaType());
            source.put("data", image.data());
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "image");
        block.put("source", source);
        return block;
    }

    private static Object assistantContent(AssistantMessage assistant) {
        String text = assistant.text() != null ? assistant.text() : assistant.refusal();
        if (!assistant.hasToolCalls()) {
            return text == null ? "" : text;
        }
        List<Object> blocks = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            blocks.add(textBlock(text));
        }
        assistant.toolCalls().forEach(call -> blocks.add(toolUse(call)));
        return blocks;
    }

    private static Map<String, Object> toolUse(ToolCall call) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "tool_use");
        block.put("id", call.id());
        block.put("name", call.name());
        block.put("input", arguments(call));
        return block;
    }

    private static Object arguments(ToolCall call) {
        String arguments = call.arguments().isBlank() ? "{}" : call.arguments();
        try {
            if (JSON.fromJson(arguments) instanceof Map<?, ?>) {
                return new RawJson(arguments.strip());
            }
        } catch (IOException | RuntimeException e) {
            throw invalidArguments(call, e);
        }
        throw invalidArguments(call, null);
    }

    private static IllegalArgumentException invalidArguments(ToolCall call, Exception cause) {
        return new IllegalArgumentException(
                "arguments of tool call '" + call.id() + "' (" + call.name()
                        + ") are not a JSON object: " + call.arguments()
                        + ": Anthropic needs the input as an object; pass the call back as the model wrote it",
                cause);
    }

    private static Map<String, Object> toolResult(ToolResultMessage result) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "tool_result");
        block.put("tool_use_id", result.toolCallId());
        block.put("content", result.content());
        if (result.error()) {
            block.put("is_error", true);
        }
        return block;
    }

    private static Map<String, Object> tool(Tool tool) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", tool.name());
        definition.put("description", tool.description());
        definition.put("input_schema", tool.parameters());
        if (tool.strict()) {
            definition.put("strict", true);
        }
        return definition;
    }

    private static Map<String, Object> toolChoice(ToolChoice choice, Boolean parallel) {
        if (choice == null && !Boolean.FALSE.equals(parallel)) {
            return null;
        }
        ToolChoice.Mode mode = choice == null ? ToolChoice.Mode.AUTO : choice.mode();
        Map<String, Object> tree = new LinkedHashMap<>();
        switch (mode) {
            case AUTO -> tree.put("type", "auto");
            case NONE -> tree.put("type", "none");
            case REQUIRED -> tree.put("type", "any");
            case TOOL -> {
                tree.put("type", "tool");
                tree.put("name", choice.toolName());
            }
        }
        if (Boolean.FALSE.equals(parallel) && mode != ToolChoice.Mode.NONE) {
            tree.put("disable_parallel_tool_use", true);
        }
        return tree;
    }

    private static Map<String, Object> textBlock(String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        return block;
    }

    private static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
