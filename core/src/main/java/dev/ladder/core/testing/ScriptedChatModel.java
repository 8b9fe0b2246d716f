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
import dev.ladder.core.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A fake {@link ChatModel} for tests: answers with scripted replies in order and records every
 * request it received.
 *
 * <p>Replies are queued with {@link #reply(String)}, {@link #reply(AssistantMessage)},
 * {@link #replyInPieces}, {@link #replyWithToolCalls}, {@link #refuse}, {@link #fail} or
 * {@link #respond(Function)}; each call takes the next one. Streaming delivers the reply on the
 * caller's thread before {@link #stream} returns: text in pieces of {@link #deltaSize} characters
 * (or exactly the pieces given to {@link #replyInPieces}), then refusal pieces, then each tool call
 * as a piece with its id and name followed by pieces of its arguments, then usage, then the
 * response; the handle returned has nothing left to cancel. A delta handler that throws a
 * {@link RuntimeException} ends the stream with {@link StreamHandler#onError}. A call with nothing
 * queued throws an {@link IllegalStateException} that shows the request, so a test sees what it
 * forgot to script.
 *
 * <p>Thread-safe: calls take replies in the order they arrive.
 */
public final class ScriptedChatModel implements ChatModel {
    private final Deque<Reply> script = new ArrayDeque<>();
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
        return reply(new AssistantMessage(text, null, List.of()));
    }

    /**
     * Queues {@code message} as the reply. Its finish reason is {@link FinishReason#TOOL_CALLS} when
     * it has tool calls, {@link FinishReason#REFUSAL} when it has a refusal, otherwise
     * {@link FinishReason#STOP}.
     */
    public synchronized ScriptedChatModel reply(AssistantMessage message) {
        Objects.requireNonNull(message, "message");
        return respond(request -> response(message, finishReasonOf(message)));
    }

    /** Queues several text replies, one per call. */
    public synchronized ScriptedChatModel replies(String... texts) {
        for (String text : texts) {
            reply(text);
        }
        return this;
    }

    /**
     * Queues a text reply that streams as exactly {@code pieces}, in order; {@link #chat} answers
     * with the pieces joined. Use it to test how an application handles particular splits, such as
     * a word or a JSON token cut in two.
     *
     * @throws IllegalArgumentException if no piece is given.
     */
    public synchronized ScriptedChatModel replyInPieces(String... pieces) {
        List<String> list = List.of(pieces);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("replyInPieces needs at least one piece");
        }
        AssistantMessage message = new AssistantMessage(String.join("", list), null, List.of());
        script.addLast(new Reply(request -> response(message, FinishReason.STOP), list));
        return this;
    }

    /** Queues a reply that asks for {@code calls}. */
    public synchronized ScriptedChatModel replyWithToolCalls(ToolCall... calls) {
        return reply(new AssistantMessage(null, null, List.of(calls)));
    }

    /** Queues a refusal. */
    public synchronized ScriptedChatModel refuse(String refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return reply(new AssistantMessage(null, refusal, List.of()));
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
        script.addLast(new Reply(Objects.requireNonNull(reply, "reply"), null));
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

    /**
     * Returns the last request received.
     *
     * @throws IllegalStateException if no request was received.
     */
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
        String raw = finishReason.name().toLowerCase(Locale.ROOT);
        Choice choice = new Choice(0, message, finishReason, raw, List.of());
        return new ChatResponse(
                "scripted-" + System.identityHashCode(message),
                model,
                List.of(choice),
                new Usage(10, output, 0, 0),
                null);
    }

    /**
     * Answers {@code request} with the next scripted reply.
     *
     * @throws LadderException the error queued with {@link #fail}.
     * @throws IllegalStateException if no reply is queued.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        return next(request).answer().apply(request);
    }

    /**
     * Delivers the next scripted reply to {@code handler} before returning; see the class
     * documentation for the order of pieces.
     *
     * @throws IllegalStateException if no reply is queued.
     */
    @Override
    public StreamHandle stream(ChatRequest request, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Reply reply = next(request);
        int size;
        synchronized (this) {
            size = deltaSize;
        }
        ChatResponse response;
        try {
            response = reply.answer().apply(request);
        } catch (LadderException e) {
            return ScriptedStream.fail(e, handler);
        }
        return ScriptedStream.deliver(ScriptedStream.eventsOf(response, size, reply.pieces()), response, null, handler);
    }

    private synchronized Reply next(ChatRequest request) {
        requests.add(Objects.requireNonNull(request, "request"));
        Reply reply = script.pollFirst();
        if (reply == null) {
            throw new IllegalStateException(
                    "ScriptedChatModel has no reply queued for request " + requests.size() + ": " + request.messages());
        }
        return reply;
    }

    private static FinishReason finishReasonOf(AssistantMessage message) {
        if (message.hasToolCalls()) {
            return FinishReason.TOOL_CALLS;
        }
        return message.refusal() != null ? FinishReason.REFUSAL : FinishReason.STOP;
    }

    /** A queued answer, and the exact text pieces to stream, or null to split by delta size. */
    private record Reply(Function<ChatRequest, ChatResponse> answer, List<String> pieces) {}
}
