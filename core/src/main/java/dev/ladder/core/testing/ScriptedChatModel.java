package dev.ladder.core.testing;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.FinishReason;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A fake {@link ChatModel} for tests: answers with scripted replies in order and records every
 * request it received.
 *
 * <p>Replies are queued with {@link #reply(String)}, {@link #replyWithToolCalls}, {@link #fail} or
 * {@link #respond(Function)}; each call takes the next one. Streaming delivers a text reply in
 * pieces of {@link #deltaSize} characters, then tool-call pieces, usage and the response. A call
 * with nothing queued fails with an {@link IllegalStateException} that shows the request, so a test
 * sees what it forgot to script.
 *
 * <p>Thread-safe: calls take replies in the order they arrive.
 */
public final class ScriptedChatModel implements ChatModel {
    private final Deque<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final String model;
    private int deltaSize = 4;

    private ScriptedChatModel(String model) {
        this.model = model;
    }

    /** Creates a fake that reports {@code scripted-model} as its model. */
    public static ScriptedChatModel create() {
        return new ScriptedChatModel("scripted-model");
    }

    /** Queues a text reply. */
    public synchronized ScriptedChatModel reply(String text) {
        Objects.requireNonNull(text, "text");
        return respond(request -> response(new AssistantMessage(text, null, List.of()), FinishReason.STOP));
    }

    /** Queues several text replies, one per call. */
    public synchronized ScriptedChatModel replies(String... texts) {
        for (String text : texts) {
            reply(text);
        }
        return this;
    }

    /** Queues a reply that asks for {@code calls}. */
    public synchronized ScriptedChatModel replyWithToolCalls(ToolCall... calls) {
        AssistantMessage message = new AssistantMessage(null, null, List.of(calls));
        return respond(request -> response(message, FinishReason.TOOL_CALLS));
    }

    /** Queues a refusal. */
    public synchronized ScriptedChatModel refuse(String refusal) {
        AssistantMessage message = new AssistantMessage(null, refusal, List.of());
        return respond(request -> response(message, FinishReason.REFUSAL));
    }

    /** Queues a failure: the call throws {@code error}, or a stream ends with it. */
    public synchronized ScriptedChatModel fail(LadderException error) {
        Objects.requireNonNull(error, "error");
        return respond(request -> {
            throw error;
        });
    }

    /** Queues a reply computed from the request, for answers that depend on what was asked. */
    public synchronized ScriptedChatModel respond(Function<ChatRequest, ChatResponse> reply) {
        script.addLast(Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /** Sets how many characters each streamed text piece holds; 4 unless set. */
    public synchronized ScriptedChatModel deltaSize(int deltaSize) {
        if (deltaSize < 1) {
            throw new IllegalArgumentException("deltaSize must be at least 1, was " + deltaSize);
        }
        this.deltaSize = deltaSize;
        return this;
    }

    /** Returns the requests received so far, oldest first. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns the last request received. */
    public synchronized ChatRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request was received");
        }
        return requests.get(requests.size() - 1);
    }

    /** Returns how many scripted replies are still queued. */
    public synchronized int remaining() {
        return script.size();
    }

    /**
     * Builds a response holding {@code message} with usage estimated at four characters a token, the
     * way scripted replies are built; useful inside {@link #respond(Function)}.
     */
    public ChatResponse response(AssistantMessage message, FinishReason finishReason) {
        long output = message.text() == null ? 1 : Math.max(1, message.text().length() / 4);
        Choice choice = new Choice(0, message, finishReason, finishReason.name().toLowerCase(), List.of());
        return new ChatResponse(
                "scripted-" + System.identityHashCode(message),
                model,
                List.of(choice),
                new Usage(10, output, 0, 0),
                null);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return next(request).apply(request);
    }

    @Override
    public StreamHandle stream(ChatRequest request, StreamHandler handler) {
        Function<ChatRequest, ChatResponse> reply = next(request);
        int size;
        synchronized (this) {
            size = deltaSize;
        }
        ChatResponse response;
        try {
            response = reply.apply(request);
        } catch (LadderException e) {
            handler.onError(e);
            return DoneHandle.INSTANCE;
        }
        deliver(response, handler, size);
        return DoneHandle.INSTANCE;
    }

    private synchronized Function<ChatRequest, ChatResponse> next(ChatRequest request) {
        requests.add(Objects.requireNonNull(request, "request"));
        Function<ChatRequest, ChatResponse> reply = script.pollFirst();
        if (reply == null) {
            throw new IllegalStateException(
                    "ScriptedChatModel has no reply queued for request " + requests.size() + ": " + request.messages());
        }
        return reply;
    }

    private static void deliver(ChatResponse response, StreamHandler handler, int size) {
        for (Choice choice : response.choices()) {
            AssistantMessage message = choice.message();
            pieces(message.text(), size).forEach(piece -> handler.onText(choice.index(), piece));
            pieces(message.refusal(), size).forEach(piece -> handler.onRefusal(choice.index(), piece));
            for (int i = 0; i < message.toolCalls().size(); i++) {
                ToolCall call = message.toolCalls().get(i);
                handler.onToolCallDelta(new ToolCallDelta(choice.index(), i, call.id(), call.name(), ""));
                for (String piece : pieces(call.arguments(), size)) {
                    handler.onToolCallDelta(new ToolCallDelta(choice.index(), i, null, null, piece));
                }
            }
        }
        handler.onUsage(response.usage());
        handler.onComplete(response);
    }

    private static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        if (text != null) {
            for (int i = 0; i < text.length(); i += size) {
                pieces.add(text.substring(i, Math.min(text.length(), i + size)));
            }
        }
        return pieces;
    }

    private enum DoneHandle implements StreamHandle {
        INSTANCE;

        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
            return true;
        }
    }
}
