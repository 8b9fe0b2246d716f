package dev.ladder.core.openai;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.ServerException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.SseEvent;
import dev.ladder.core.http.SseHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okio.ByteString;

/**
 * Turns the {@code chat.completion.chunk} events of a stream into {@link StreamHandler} calls and, at
 * the end, the assembled {@link ChatResponse}. Tool-call pieces are joined by choice and index.
 *
 * <p>Not thread-safe: the transport calls it from one thread at a time.
 */
final class ChatStreamAssembler implements SseHandler {
    private static final ByteString DONE = ByteString.encodeUtf8("[DONE]");
    private static final JsonReader.Options CHUNK = JsonReader.Options.of("id", "model", "choices", "usage", "error");
    private static final JsonReader.Options CHOICE =
            JsonReader.Options.of("index", "delta", "finish_reason", "logprobs");
    private static final JsonReader.Options DELTA = JsonReader.Options.of("content", "refusal", "tool_calls");
    private static final JsonReader.Options TOOL_CALL = JsonReader.Options.of("index", "id", "function");
    private static final JsonReader.Options FUNCTION = JsonReader.Options.of("name", "arguments");

    private final HttpTransport transport;
    private final HttpCall call;
    private final StreamHandler handler;
    private final List<ChoiceBuilder> choices = new ArrayList<>(1);
    private String id;
    private String model;
    private Usage usage = Usage.ZERO;
    private boolean done;
    private int events;

    ChatStreamAssembler(HttpTransport transport, HttpCall call, StreamHandler handler) {
        this.transport = transport;
        this.call = call;
        this.handler = handler;
    }

    @Override
    public void onEvent(SseEvent event) throws IOException {
        if (event.dataEquals(DONE)) {
            done = true;
            return;
        }
        events++;
        JsonReader reader = event.json();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(CHUNK)) {
                case 0 -> id = keepFirst(reader, id);
                case 1 -> model = keepFirst(reader, model);
                case 2 -> choices(reader);
                case 3 -> usage(reader);
                case 4 -> throw streamError(reader);
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
    }

    @Override
    public void onEnd() {
        if (!done && !allFinished()) {
            throw new MalformedResponseException("stream from " + call.info().url() + " ended after " + events
                    + " events without [DONE] or a finish reason: the connection was cut or the server failed;"
                    + " retry the call");
        }
        List<Choice> built = new ArrayList<>(choices.size());
        for (ChoiceBuilder choice : choices) {
            built.add(choice.build());
        }
        if (built.isEmpty()) {
            throw new MalformedResponseException(
                    "stream from " + call.info().url() + " ended without any choice: check the request and the server");
        }
        ChatResponse response = new ChatResponse(id, model, built, usage, null);
        notify(h -> h.onComplete(response));
    }

    @Override
    public void onError(LadderException error) {
        handler.onError(error);
    }

    private boolean allFinished() {
        return !choices.isEmpty() && choices.stream().allMatch(ChoiceBuilder::finished);
    }

    private static String keepFirst(JsonReader reader, String current) throws IOException {
        if (current != null) {
            reader.skipValue();
            return current;
        }
        return JsonReads.nullableString(reader);
    }

    private void choices(JsonReader reader) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            choice(reader);
        }
        reader.endArray();
    }

    private void choice(JsonReader reader) throws IOException {
        reader.beginObject();
        ChoiceBuilder choice = null;
        while (reader.hasNext()) {
            int field = reader.selectName(CHOICE);
            if (field == 0) {
                choice = choiceAt(reader.nextInt());
            } else if (field > 0) {
                if (choice == null) {
                    choice = choiceAt(0);
                }
                choiceField(reader, field, choice);
            } else {
                JsonReads.skipField(reader);
            }
        }
        reader.endObject();
    }

    private void choiceField(JsonReader reader, int field, ChoiceBuilder choice) throws IOException {
        switch (field) {
            case 1 -> delta(reader, choice);
            case 2 -> {
                String finish = JsonReads.nullableString(reader);
                if (finish != null) {
                    choice.finishReason(finish);
                }
            }
            default -> JsonReads.logprobs(reader, choice.logprobs());
        }
    }

    private ChoiceBuilder choiceAt(int index) {
        for (ChoiceBuilder choice : choices) {
            if (choice.index() == index) {
                return choice;
            }
        }
        ChoiceBuilder choice = new ChoiceBuilder(index);
        choices.add(choice);
        choices.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return choice;
    }

    private void delta(JsonReader reader, ChoiceBuilder choice) throws IOException {
        if (JsonReads.skipNull(reader)) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(DELTA)) {
                case 0 -> {
                    String text = JsonReads.nullableString(reader);
                    if (text != null && !text.isEmpty()) {
                        choice.appendContent(text);
                        notify(h -> h.onText(choice.index(), text));
                    }
                }
                case 1 -> {
                    String text = JsonReads.nullableString(reader);
                    if (text != null) {
                        choice.appendRefusal(text);
                        notify(h -> h.onRefusal(choice.index(), text));
                    }
                }
                case 2 -> toolCalls(reader, choice);
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
    }

    private void toolCalls(JsonReader reader, ChoiceBuilder choice) throws IOException {
        if (JsonReads.skipNull(reader)) {
            return;
        }
        reader.beginArray();
        int position = 0;
        while (reader.hasNext()) {
            toolCall(reader, choice, position++);
        }
        reader.endArray();
    }

    private void toolCall(JsonReader reader, ChoiceBuilder choice, int position) throws IOException {
        int index = position;
        String callId = null;
        String name = null;
        String arguments = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(TOOL_CALL)) {
                case 0 -> index = reader.nextInt();
                case 1 -> callId = JsonReads.nullableString(reader);
                case 2 -> {
                    if (!JsonReads.skipNull(reader)) {
                        reader.beginObject();
                        while (reader.hasNext()) {
                            switch (reader.selectName(FUNCTION)) {
                                case 0 -> name = JsonReads.nullableString(reader);
                                case 1 -> arguments = JsonReads.nullableString(reader);
                                default -> JsonReads.skipField(reader);
                            }
                        }
                        reader.endObject();
                    }
                }
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        ChoiceBuilder.ToolCallBuilder builder = choice.toolCall(index);
        if (callId != null) {
            builder.id(callId);
        }
        if (name != null) {
            builder.appendName(name);
        }
        if (arguments != null) {
            builder.appendArguments(arguments);
        }
        ToolCallDelta delta =
                new ToolCallDelta(choice.index(), index, callId, name, arguments == null ? "" : arguments);
        notify(h -> h.onToolCallDelta(delta));
    }

    private void usage(JsonReader reader) throws IOException {
        Usage read = JsonReads.usage(reader);
        if (read != null) {
            usage = read;
            transport.reportUsage(call, read);
            notify(h -> h.onUsage(read));
        }
    }

    private LadderException streamError(JsonReader reader) throws IOException {
        Object error = reader.readJsonValue();
        String message = error instanceof Map<?, ?> map && map.get("message") != null
                ? String.valueOf(map.get("message"))
                : String.valueOf(error);
        String type =
                error instanceof Map<?, ?> map && map.get("type") != null ? String.valueOf(map.get("type")) : null;
        return new ServerException(
                "stream from " + call.info().url() + " reported an error after " + events + " events: " + message
                        + ": retry the call",
                200,
                Map.of(),
                String.valueOf(error),
                null,
                type);
    }

    /** Calls the user's handler, turning what it throws into a {@link LadderException} that ends the stream. */
    private void notify(Consumer<StreamHandler> action) {
        try {
            action.accept(handler);
        } catch (LadderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LadderException(
                    "stream handler threw " + e + " for " + call.info().url(), e);
        }
    }
}
