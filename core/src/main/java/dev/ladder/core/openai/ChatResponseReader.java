package dev.ladder.core.openai;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.TokenLogprob;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okio.Buffer;

/** Reads the body of a {@code chat.completion} response into a {@link ChatResponse}. */
final class ChatResponseReader {
    private static final JsonReader.Options ROOT = JsonReader.Options.of("id", "model", "choices", "usage");
    private static final JsonReader.Options CHOICE =
            JsonReader.Options.of("index", "message", "finish_reason", "logprobs");
    private static final JsonReader.Options MESSAGE = JsonReader.Options.of("content", "refusal", "tool_calls");
    private static final JsonReader.Options TOOL_CALL = JsonReader.Options.of("id", "function");
    private static final JsonReader.Options FUNCTION = JsonReader.Options.of("name", "arguments");

    private ChatResponseReader() {}

    /** Reads {@code body}, keeping its text as {@link ChatResponse#raw()}. */
    static ChatResponse read(Buffer body) throws IOException {
        // Not body.copy(): a copy shares the segments, which okio then never returns to its pool.
        // Decoding straight from the segment and encoding back into a pooled one copies no array.
        String raw = body.readUtf8();
        Buffer json = new Buffer().writeUtf8(raw);
        try {
            return read(json, raw);
        } finally {
            json.clear();
        }
    }

    private static ChatResponse read(Buffer body, String raw) throws IOException {
        JsonReader reader = JsonReader.of(body);
        String id = null;
        String model = null;
        List<Choice> choices = new ArrayList<>();
        Usage usage = Usage.ZERO;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(ROOT)) {
                case 0 -> id = JsonReads.nullableString(reader);
                case 1 -> model = JsonReads.nullableString(reader);
                case 2 -> choices(reader, choices);
                case 3 -> {
                    Usage read = JsonReads.usage(reader);
                    usage = read == null ? Usage.ZERO : read;
                }
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        if (choices.isEmpty()) {
            throw new JsonDataException("the response has no choices");
        }
        choices.sort(Comparator.comparingInt(Choice::index));
        return new ChatResponse(id, model, choices, usage, raw);
    }

    private static void choices(JsonReader reader, List<Choice> into) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            into.add(choice(reader, into.size()));
        }
        reader.endArray();
    }

    private static Choice choice(JsonReader reader, int position) throws IOException {
        int index = position;
        AssistantMessage message = null;
        String finish = null;
        List<TokenLogprob> logprobs = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(CHOICE)) {
                case 0 -> index = reader.nextInt();
                case 1 -> message = message(reader);
                case 2 -> finish = JsonReads.nullableString(reader);
                case 3 -> JsonReads.logprobs(reader, logprobs);
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        if (message == null) {
            throw new JsonDataException("choice " + index + " has no message");
        }
        return new Choice(index, message, FinishReasons.of(finish, message.refusal() != null), finish, logprobs);
    }

    private static AssistantMessage message(JsonReader reader) throws IOException {
        String content = null;
        String refusal = null;
        List<ToolCall> toolCalls = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(MESSAGE)) {
                case 0 -> content = JsonReads.nullableString(reader);
                case 1 -> refusal = JsonReads.nullableString(reader);
                case 2 -> toolCalls(reader, toolCalls);
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        return new AssistantMessage(content, refusal, toolCalls);
    }

    private static void toolCalls(JsonReader reader, List<ToolCall> into) throws IOException {
        if (JsonReads.skipNull(reader)) {
            return;
        }
        reader.beginArray();
        while (reader.hasNext()) {
            into.add(toolCall(reader, into.size()));
        }
        reader.endArray();
    }

    private static ToolCall toolCall(JsonReader reader, int position) throws IOException {
        String id = null;
        String name = null;
        String arguments = "";
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(TOOL_CALL)) {
                case 0 -> id = JsonReads.nullableString(reader);
                case 1 -> {
                    reader.beginObject();
                    while (reader.hasNext()) {
                        switch (reader.selectName(FUNCTION)) {
                            case 0 -> name = reader.nextString();
                            case 1 -> arguments = reader.nextString();
                            default -> JsonReads.skipField(reader);
                        }
                    }
                    reader.endObject();
                }
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        if (name == null) {
            throw new JsonDataException("tool call " + position + " has no function name");
        }
        return new ToolCall(id == null ? "call_" + position : id, name, arguments);
    }
}
