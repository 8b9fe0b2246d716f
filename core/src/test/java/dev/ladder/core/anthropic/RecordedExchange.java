package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.TextPart;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * One recorded request and response of the Anthropic SDK's test snapshots, and what Ladder should
 * make of them: the {@link ChatRequest} that asks the same, the body Ladder must send (the recorded
 * one without the fields Ladder does not model), and the answer Ladder must read from the response.
 */
record RecordedExchange(Map<String, Object> request, Map<String, Object> response) {
    static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    /** Fields of recorded bodies that Ladder does not model and so does not send. */
    private static final Set<String> UNMODELED = Set.of("caller", "allowed_callers");

    /** Block types that only the server creates and Ladder does not send back. */
    private static final Set<String> SERVER_BLOCKS = Set.of("server_tool_use", "web_search_tool_result");

    /** Reads every exchange of the recorded file at {@code path}. */
    static List<RecordedExchange> load(String path) {
        List<RecordedExchange> exchanges = new ArrayList<>();
        for (Object item : (List<?>) parse(Recorded.text(path))) {
            Map<String, Object> exchange = map(item);
            exchanges.add(new RecordedExchange(map(exchange.get("request")), map(exchange.get("response"))));
        }
        return exchanges;
    }

    Map<String, Object> requestBody() {
        return map(request.get("body"));
    }

    int status() {
        return ((Number) response.get("status_code")).intValue();
    }

    boolean streamed() {
        return Boolean.TRUE.equals(requestBody().get("stream"));
    }

    /** Returns the response the server sends: the recorded status, body and headers that matter. */
    MockResponse mockResponse() {
        Map<String, Object> headers = map(response.get("headers"));
        Object body = response.get("body");
        if (body instanceof String events) {
            return Recorded.stream(events);
        }
        MockResponse.Builder builder =
                Recorded.json(status(), JSON.toJson(body)).newBuilder();
        for (String name : List.of("x-should-retry", "retry-after", "request-id")) {
            if (headers.get(name) instanceof String value) {
                builder.setHeader(name, value);
            }
        }
        return builder.build();
    }

    /** Returns the Ladder request that asks what the recorded request asked. */
    ChatRequest chatRequest() {
        Map<String, Object> body = requestBody();
        ChatRequest.Builder builder = ChatRequest.builder()
                .model((String) body.get("model"))
                .maxOutputTokens(((Number) body.get("max_tokens")).intValue());
        for (Object turn : (List<?>) body.get("messages")) {
            addTurn(builder, map(turn));
        }
        List<Tool> tools = new ArrayList<>();
        List<Object> serverTools = new ArrayList<>();
        for (Object item : listOrEmpty(body.get("tools"))) {
            Map<String, Object> tool = map(item);
            if (tool.containsKey("input_schema")) {
                tools.add(Tool.of(
                        (String) tool.get("name"), (String) tool.get("description"), map(tool.get("input_schema"))));
            } else {
                serverTools.add(tool);
            }
        }
        builder.tools(tools);
        if (!serverTools.isEmpty()) {
            builder.extraBody("tools", serverTools);
        }
        if (body.get("output_config") instanceof Map<?, ?> config) {
            Map<String, Object> format = map(config.get("format"));
            builder.responseFormat(ResponseFormat.jsonSchema("output", map(format.get("schema"))));
        }
        if (body.containsKey("container")) {
            builder.extraBody("container", body.get("container"));
        }
        return builder.build();
    }

    /** Returns the recorded request body without the fields and blocks Ladder does not model. */
    Object expectedBody() {
        return strip(requestBody());
    }

    /** Returns the text, tool calls, stop reason and usage that the recorded response holds. */
    Answer expectedAnswer() {
        Object body = response.get("body");
        return body instanceof String events ? Answer.fromEvents(events) : Answer.fromMessage(map(body));
    }

    private static void addTurn(ChatRequest.Builder builder, Map<String, Object> turn) {
        Object content = turn.get("content");
        boolean user = "user".equals(turn.get("role"));
        if (content instanceof String text) {
            builder.addMessage(user ? Message.user(text) : Message.assistant(text));
            return;
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (Object item : (List<?>) content) {
            Map<String, Object> block = map(item);
            switch ((String) block.get("type")) {
                case "text" -> text.append(block.get("text"));
                case "tool_use" ->
                    calls.add(new ToolCall(
                            (String) block.get("id"), (String) block.get("name"), JSON.toJson(block.get("input"))));
                case "tool_result" ->
                    builder.addMessage(new ToolResultMessage(
                            (String) block.get("tool_use_id"),
                            (String) block.get("content"),
                            Boolean.TRUE.equals(block.get("is_error"))));
                default -> {}
            }
        }
        if (!user) {
            builder.addMessage(new AssistantMessage(text.isEmpty() ? null : text.toString(), null, calls));
        } else if (!text.isEmpty()) {
            builder.addMessage(Message.user(new TextPart(text.toString())));
        }
    }

    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> tree) {
            Map<String, Object> copy = new LinkedHashMap<>();
            tree.forEach((key, item) -> {
                if (!UNMODELED.contains(key)) {
                    copy.put((String) key, strip(item));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> block
                        && block.get("type") instanceof String type
                        && SERVER_BLOCKS.contains(type))) {
                    copy.add(strip(item));
                }
            }
            return copy;
        }
        return value;
    }

    static Object parse(String json) {
        try {
            return JSON.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked") // parsed JSON objects have string keys
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> listOrEmpty(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    /** What a recorded response says, read independently of the provider's own parser. */
    record Answer(String text, List<ToolCall> toolCalls, String stopReason, Usage usage) {

        static Answer fromMessage(Map<String, Object> message) {
            StringBuilder text = new StringBuilder();
            boolean sawText = false;
            List<ToolCall> calls = new ArrayList<>();
            for (Object item : (List<?>) message.get("content")) {
                Map<String, Object> block = map(item);
                if ("text".equals(block.get("type"))) {
                    sawText = true;
                    text.append(block.get("text"));
                } else if ("tool_use".equals(block.get("type"))) {
                    calls.add(new ToolCall(
                            (String) block.get("id"), (String) block.get("name"), JSON.toJson(block.get("input"))));
                }
            }
            return new Answer(
                    sawText ? text.toString() : null,
                    calls,
                    (String) message.get("stop_reason"),
                    usage(map(message.get("usage"))));
        }

        static Answer fromEvents(String events) {
            StringBuilder text = new StringBuilder();
            boolean sawText = false;
            List<String[]> calls = new ArrayList<>();
            Map<Number, Integer> toolByBlock = new LinkedHashMap<>();
            String stopReason = null;
            Map<String, Object> usage = new LinkedHashMap<>();
            for (String line : events.split("\n")) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                Map<String, Object> data = map(parse(line.substring(5)));
                Object type = data.get("type");
                if ("message_start".equals(type)) {
                    usage.putAll(map(map(data.get("message")).get("usage")));
                } else if ("content_block_start".equals(type)) {
                    Map<String, Object> block = map(data.get("content_block"));
                    sawText |= "text".equals(block.get("type"));
                    if ("tool_use".equals(block.get("type"))) {
                        toolByBlock.put((Number) data.get("index"), calls.size());
                        calls.add(new String[] {(String) block.get("id"), (String) block.get("name"), ""});
                    }
                } else if ("content_block_delta".equals(type)) {
                    Map<String, Object> delta = map(data.get("delta"));
                    if ("text_delta".equals(delta.get("type"))) {
                        text.append(delta.get("text"));
                    } else if ("input_json_delta".equals(delta.get("type"))) {
                        String[] call = calls.get(toolByBlock.get((Number) data.get("index")));
                        call[2] += delta.get("partial_json");
                    }
                } else if ("message_delta".equals(type)) {
                    stopReason = (String) map(data.get("delta")).get("stop_reason");
                    usage.putAll(map(data.get("usage")));
                }
            }
            List<ToolCall> toolCalls = calls.stream()
                    .map(c -> new ToolCall(c[0], c[1], c[2].isEmpty() ? "{}" : c[2]))
                    .toList();
            return new Answer(sawText ? text.toString() : null, toolCalls, stopReason, usage(usage));
        }

        private static Usage usage(Map<String, Object> usage) {
            long input = count(usage, "input_tokens");
            long cacheRead = count(usage, "cache_read_input_tokens");
            long cacheWrite = count(usage, "cache_creation_input_tokens");
            return new Usage(input + cacheRead + cacheWrite, count(usage, "output_tokens"), cacheRead, 0);
        }

        private static long count(Map<String, Object> usage, String name) {
            return usage.get(name) instanceof Number n ? n.longValue() : 0;
        }
    }
}
