package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.SseEvent;
import dev.ladder.core.http.SseHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of a Messages API stream into calls of a {@link StreamHandler}:
 * {@code text_delta} into text, {@code tool_use} blocks and their {@code input_json_delta} into
 * tool-call pieces, {@code message_delta} into the stop reason and usage, {@code message_stop} into
 * the completed response, and an {@code error} event into the typed exception its error type maps
 * to. {@code ping}, thinking, server tools and event types Ladder does not know are skipped. A
 * stream that ends before {@code message_stop} fails with a {@link MalformedResponseException}.
 *
 * <p>Called by the transport from one thread at a time; {@link #cancel} may come from any thread.
 */
final class MessageStream implements SseHandler, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(MessageStream.class);
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private final HttpTransport transport;
    private final HttpCall call;
    private final StreamHandler handler;
    private final MessageAssembly assembly = new MessageAssembly();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private volatile StreamHandle http;
    private volatile boolean cancelled;
    private boolean started;
    private boolean completed;

    MessageStream(HttpTransport transport, HttpCall call, StreamHandler handler) {
        this.transport = transport;
        this.call = call;
        this.handler = handler;
    }

    /** Starts the HTTP stream and returns this as its handle. */
    StreamHandle start() {
        http = transport.stream(call, this);
        if (cancelled) {
            http.cancel();
        }
        return this;
    }

    @Override
    public void cancel() {
        cancelled = true;
        StreamHandle current = http;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public boolean isDone() {
        StreamHandle current = http;
        return cancelled || (current != null && current.isDone());
    }

    @Override
    public void onEvent(SseEvent event) throws IOException {
        if (cancelled || completed) {
            return;
        }
        Map<?, ?> data = event.dataSize() == 0 ? Map.of() : asMap(event.json().readJsonValue(), event.type());
        String type = data.get("type") instanceof String t ? t : event.type();
        switch (type) {
            case "ping" -> {}
            case "error" -> throw error(data);
            case "message_start" -> messageStart(data);
            default -> {
                requireStarted(type);
                dispatch(type, data);
            }
        }
    }

    @Override
    public void onEnd() {
        if (!completed && !cancelled) {
            throw new MalformedResponseException(
                    "the stream from " + call.info().url()
                            + " ended before its message_stop event: the connection was cut or the server stopped early;"
                            + " retry the call");
        }
    }

    @Override
    public void onError(LadderException error) {
        if (cancelled) {
            return;
        }
        if (completed) {
            log.warn(
                    "stream from {} failed after its completion was delivered; ignored",
                    call.info().url(),
                    error);
            return;
        }
        handler.onError(error);
    }

    private void dispatch(String type, Map<?, ?> data) {
        switch (type) {
            case "content_block_start" -> blockStart(index(data), asMap(data.get("content_block"), type));
            case "content_block_delta" -> blockDelta(index(data), asMap(data.get("delta"), type));
            case "content_block_stop" -> blockStop(index(data));
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> messageStop();
            default ->
                log.trace("skipped stream event {} from {}", type, call.info().url());
        }
    }

    private void messageStart(Map<?, ?> data) {
        Map<?, ?> message = asMap(data.get("message"), "message_start");
        assembly.id(message.get("id") instanceof String id ? id : null);
        assembly.model(message.get("model") instanceof String model ? model : null);
        assembly.usage(message.get("usage"));
        started = true;
    }

    private void blockStart(int index, Map<?, ?> block) {
        String type = String.valueOf(block.get("type"));
        if ("text".equals(type)) {
            blocks.put(index, Block.TEXT);
            String initial = block.get("text") instanceof String text ? text : "";
            assembly.appendText(initial);
            if (!initial.isEmpty()) {
                handler.onText(0, initial);
            }
        } else if ("tool_use".equals(type)) {
            toolUseStart(index, block);
        } else {
            blocks.put(index, Block.OTHER);
        }
    }

    private void toolUseStart(int index, Map<?, ?> block) {
        if (!(block.get("id") instanceof String id) || !(block.get("name") instanceof String name)) {
            throw new JsonDataException("tool_use block " + index + " lacks its id or name");
        }
        int toolIndex = assembly.addToolCall(id, name);
        blocks.put(index, Block.tool(toolIndex));
        handler.onToolCallDelta(new ToolCallDelta(0, toolIndex, id, name, ""));
        if (block.get("input") instanceof Map<?, ?> input && !input.isEmpty()) {
            appendArguments(toolIndex, JSON.toJson(input));
        }
    }

    private void blockDelta(int index, Map<?, ?> delta) {
        Block block = blocks.get(index);
        if (block == null) {
            throw new JsonDataException("content_block_delta for block " + index + ", which never started");
        }
        Object type = delta.get("type");
        if ("text_delta".equals(type) && block == Block.TEXT && delta.get("text") instanceof String text) {
            assembly.appendText(text);
            handler.onText(0, text);
        } else if ("input_json_delta".equals(type)
                && block.isTool()
                && delta.get("partial_json") instanceof String json) {
            appendArguments(block.toolIndex(), json);
        }
    }

    private void blockStop(int index) {
        Block block = blocks.get(index);
        if (block != null
                && block.isTool()
                && assembly.arguments(block.toolIndex()).isEmpty()) {
            appendArguments(block.toolIndex(), "{}");
        }
    }

    private void appendArguments(int toolIndex, String json) {
        if (!json.isEmpty()) {
            assembly.appendArguments(toolIndex, json);
            handler.onToolCallDelta(new ToolCallDelta(0, toolIndex, null, null, json));
        }
    }

    private void messageDelta(Map<?, ?> data) {
        if (data.get("delta") instanceof Map<?, ?> delta) {
            assembly.stopReason(delta.get("stop_reason") instanceof String reason ? reason : null);
            assembly.stopDetails(delta.get("stop_details"));
        }
        assembly.usage(data.get("usage"));
    }

    private void messageStop() {
        ChatResponse response = assembly.response(null);
        transport.reportUsage(call, response.usage());
        handler.onUsage(response.usage());
        if (cancelled) {
            return;
        }
        completed = true;
        handler.onComplete(response);
    }

    private LadderException error(Map<?, ?> data) {
        Object type = data.get("error") instanceof Map<?, ?> error ? error.get("type") : null;
        return transport.errorFor(call, AnthropicErrors.status(type instanceof String s ? s : null), JSON.toJson(data));
    }

    private void requireStarted(String type) {
        if (!started) {
            throw new JsonDataException("stream event '" + type + "' arrived before message_start");
        }
    }

    private static int index(Map<?, ?> data) {
        if (!(data.get("index") instanceof Number index)) {
            throw new JsonDataException("stream event " + data.get("type") + " has no block index");
        }
        return index.intValue();
    }

    private static Map<?, ?> asMap(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new JsonDataException("expected a JSON object in " + where + ", found " + value);
        }
        return map;
    }

    /** What a content block is, as far as Ladder cares: text, a tool call, or something skipped. */
    private record Block(String kind, int toolIndex) {
        static final Block TEXT = new Block("text", -1);
        static final Block OTHER = new Block("other", -1);

        static Block tool(int toolIndex) {
            return new Block("tool", toolIndex);
        }

        boolean isTool() {
            return "tool".equals(kind);
        }
    }
}
