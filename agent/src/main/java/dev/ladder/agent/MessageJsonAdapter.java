package dev.ladder.agent;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ContentPart;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.TextPart;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes core's {@link Message} types in checkpoints, tagged by role. */
final class MessageJsonAdapter extends JsonAdapter<Message> {
    static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
        Class<?> raw = Types.getRawType(type);
        return annotations.isEmpty() && Message.class.isAssignableFrom(raw)
                ? new MessageJsonAdapter().nullSafe()
                : null;
    };

    private final JsonAdapter<Object> trees = Json.MOSHI_PLAIN.adapter(Object.class);

    @Override
    public Message fromJson(JsonReader reader) throws IOException {
        Object tree = trees.fromJson(reader);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new JsonDataException("a message must be a JSON object at " + reader.getPath());
        }
        String role = string(map, "role");
        return switch (role) {
            case "system" -> new SystemMessage(string(map, "text"));
            case "user" -> new UserMessage(parts(map));
            case "assistant" ->
                new AssistantMessage((String) map.get("text"), (String) map.get("refusal"), toolCalls(map));
            case "tool" ->
                new ToolResultMessage(
                        string(map, "toolCallId"), string(map, "content"), Boolean.TRUE.equals(map.get("error")));
            default -> throw new JsonDataException("unknown message role '" + role + "' at " + reader.getPath());
        };
    }

    @Override
    public void toJson(JsonWriter writer, Message message) throws IOException {
        writer.beginObject();
        if (message instanceof SystemMessage system) {
            writer.name("role").value("system").name("text").value(system.text());
        } else if (message instanceof UserMessage user) {
            writer.name("role").value("user").name("parts").beginArray();
            for (ContentPart part : user.parts()) {
                writePart(writer, part);
            }
            writer.endArray();
        } else if (message instanceof AssistantMessage assistant) {
            writer.name("role").value("assistant").name("text").value(assistant.text());
            writer.name("refusal").value(assistant.refusal()).name("toolCalls").beginArray();
            for (ToolCall call : assistant.toolCalls()) {
                writer.beginObject().name("id").value(call.id()).name("name").value(call.name());
                writer.name("arguments").value(call.arguments()).endObject();
            }
            writer.endArray();
        } else if (message instanceof ToolResultMessage result) {
            writer.name("role").value("tool").name("toolCallId").value(result.toolCallId());
            writer.name("content").value(result.content()).name("error").value(result.error());
        }
        writer.endObject();
    }

    private static void writePart(JsonWriter writer, ContentPart part) throws IOException {
        writer.beginObject();
        if (part instanceof TextPart text) {
            writer.name("type").value("text").name("text").value(text.text());
        } else if (part instanceof ImagePart image) {
            writer.name("type")
                    .value("image")
                    .name("url")
                    .value(image.url())
                    .name("mediaType")
                    .value(image.mediaType());
            writer.name("data").value(image.data()).name("detail").value(image.detail());
        }
        writer.endObject();
    }

    private static List<ContentPart> parts(Map<?, ?> map) {
        List<ContentPart> parts = new ArrayList<>();
        for (Object item : list(map, "parts")) {
            Map<?, ?> part = (Map<?, ?>) item;
            parts.add(
                    "text".equals(part.get("type"))
                            ? new TextPart(string(part, "text"))
                            : new ImagePart(
                                    (String) part.get("url"),
                                    (String) part.get("mediaType"),
                                    (String) part.get("data"),
                                    (String) part.get("detail")));
        }
        return parts;
    }

    private static List<ToolCall> toolCalls(Map<?, ?> map) {
        List<ToolCall> calls = new ArrayList<>();
        for (Object item : list(map, "toolCalls")) {
            Map<?, ?> call = (Map<?, ?>) item;
            calls.add(new ToolCall(string(call, "id"), string(call, "name"), string(call, "arguments")));
        }
        return calls;
    }

    private static List<?> list(Map<?, ?> map, String name) {
        Object value = map.get(name);
        return value instanceof List<?> list ? list : List.of();
    }

    private static String string(Map<?, ?> map, String name) {
        Object value = map.get(name);
        if (!(value instanceof String text)) {
            throw new JsonDataException("message field '" + name + "' must be a string, was " + value);
        }
        return text;
    }
}
