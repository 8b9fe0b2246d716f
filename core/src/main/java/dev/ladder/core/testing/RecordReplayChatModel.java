package dev.ladder.core.testing;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps a real {@link ChatModel}, recording its exchanges to a readable JSON cassette file and
 * replaying them deterministically, so an application's tests run offline and give the same
 * answers every time.
 *
 * <p>A request matches a recording when its {@linkplain #fingerprint canonical form} is equal: the
 * model, messages, sampling options, tools, response format and extra body fields, with object keys
 * sorted. Timeouts, retry counts and extra headers are left out, so they may differ between
 * recording and replay and secrets in headers never reach the file. Identical requests recorded
 * several times are answered in recorded order, the last answer repeating. Failures are recorded
 * too and replayed as the same exception type, message and status.
 *
 * <p>A streamed call records every delta, and replays them in the same pieces, then the
 * completion; a call recorded with {@link #chat} and replayed as a stream delivers each choice's
 * text as one piece. Replayed streams are delivered on the caller's thread before {@link #stream}
 * returns. Streams that are cancelled or whose
 * handler throws are not recorded.
 *
 * <p>Thread-safe if the wrapped model is.
 */
public final class RecordReplayChatModel implements ChatModel {
    private static final String KIND = "chat";

    private final Cassette cassette;
    private final RecordMode mode;
    private final ChatModel delegate;

    private RecordReplayChatModel(Cassette cassette, RecordMode mode, ChatModel delegate) {
        this.cassette = cassette;
        this.mode = mode;
        this.delegate = delegate;
    }

    /**
     * Creates a wrapper that answers only from the cassette at {@code file}.
     *
     * @throws IllegalArgumentException if the file does not exist or is not a chat cassette.
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static RecordReplayChatModel replay(Path file) {
        return new RecordReplayChatModel(Cassette.open(file, KIND, RecordMode.REPLAY), RecordMode.REPLAY, null);
    }

    /**
     * Creates a wrapper around {@code delegate} using the cassette at {@code file} in {@code mode}.
     * In {@link RecordMode#REPLAY} the delegate is never called.
     *
     * @throws IllegalArgumentException if replaying a file that does not exist, or the file is not a
     *     chat cassette.
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static RecordReplayChatModel of(Path file, RecordMode mode, ChatModel delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new RecordReplayChatModel(Cassette.open(file, KIND, mode), mode, delegate);
    }

    /**
     * Returns the canonical JSON text of {@code request} that recordings are matched on; useful to
     * see why a request did not match.
     */
    public static String fingerprint(ChatRequest request) {
        return Cassette.fingerprint(ChatCodec.requestTree(request));
    }

    /**
     * Answers {@code request} from the cassette, or from the wrapped model when recording.
     *
     * @throws LadderException the recorded failure, or the wrapped model's failure when recording.
     * @throws IllegalStateException in {@link RecordMode#REPLAY} when no recording matches; the
     *     message shows the request and the closest recorded one.
     * @throws java.io.UncheckedIOException if the cassette cannot be written.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        Map<String, Object> tree = ChatCodec.requestTree(request);
        Optional<Map<String, Object>> recorded = recorded(tree);
        if (recorded.isPresent()) {
            return replayChat(recorded.get());
        }
        try {
            ChatResponse response = delegate.chat(request);
            cassette.add(tree, Map.of("response", ChatCodec.responseTree(response)));
            return response;
        } catch (LadderException e) {
            cassette.add(tree, Map.of("error", Failures.tree(e)));
            throw e;
        }
    }

    /**
     * Streams the recorded answer to {@code request}, or streams from the wrapped model and records
     * what arrives.
     *
     * @throws IllegalStateException in {@link RecordMode#REPLAY} when no recording matches.
     */
    @Override
    public StreamHandle stream(ChatRequest request, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Map<String, Object> tree = ChatCodec.requestTree(request);
        Optional<Map<String, Object>> recorded = recorded(tree);
        if (recorded.isPresent()) {
            return replayStream(recorded.get(), handler);
        }
        return delegate.stream(request, new Recorder(tree, handler));
    }

    private Optional<Map<String, Object>> recorded(Map<String, Object> tree) {
        if (mode == RecordMode.RECORD) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> recorded = cassette.find(tree);
        if (recorded.isEmpty() && mode == RecordMode.REPLAY) {
            throw new IllegalStateException(cassette.missMessage(tree));
        }
        return recorded;
    }

    private static ChatResponse replayChat(Map<String, Object> exchange) {
        if (exchange.containsKey("error")) {
            throw Failures.error(Trees.map(exchange.get("error")));
        }
        return ChatCodec.response(Trees.map(exchange.get("response")));
    }

    private static StreamHandle replayStream(Map<String, Object> exchange, StreamHandler handler) {
        List<StreamEvent> events = new ArrayList<>();
        for (Object event : Trees.optionalList(exchange, "stream")) {
            events.add(ChatCodec.event(Trees.map(event)));
        }
        if (exchange.containsKey("error")) {
            return ScriptedStream.deliver(events, null, Failures.error(Trees.map(exchange.get("error"))), handler);
        }
        ChatResponse response = ChatCodec.response(Trees.map(exchange.get("response")));
        if (!exchange.containsKey("stream")) {
            events = ScriptedStream.eventsOf(response, Integer.MAX_VALUE, null);
        }
        return ScriptedStream.deliver(events, response, null, handler);
    }

    /** Forwards a live stream to the caller's handler and records it once it ends normally. */
    private final class Recorder implements StreamHandler {
        private final Map<String, Object> request;
        private final StreamHandler handler;
        private final List<StreamEvent> events = new ArrayList<>();
        private boolean handlerFailed;

        Recorder(Map<String, Object> request, StreamHandler handler) {
            this.request = request;
            this.handler = handler;
        }

        @Override
        public void onText(int choice, String delta) {
            forward(new StreamEvent.Text(choice, delta));
        }

        @Override
        public void onRefusal(int choice, String delta) {
            forward(new StreamEvent.Refusal(choice, delta));
        }

        @Override
        public void onToolCallDelta(ToolCallDelta delta) {
            forward(new StreamEvent.ToolCallPiece(delta));
        }

        @Override
        public void onUsage(Usage usage) {
            forward(new StreamEvent.UsageReport(usage));
        }

        @Override
        public void onComplete(ChatResponse response) {
            record("response", ChatCodec.responseTree(response));
            handler.onComplete(response);
        }

        @Override
        public void onError(LadderException error) {
            if (!handlerFailed) {
                record("error", Failures.tree(error));
            }
            handler.onError(error);
        }

        private void forward(StreamEvent event) {
            events.add(event);
            try {
                event.deliverTo(handler);
            } catch (RuntimeException e) {
                handlerFailed = true;
                throw e;
            }
        }

        private void record(String outcome, Map<String, Object> tree) {
            Map<String, Object> exchange = new LinkedHashMap<>();
            exchange.put("stream", events.stream().map(StreamEvent::toTree).toList());
            exchange.put(outcome, tree);
            cassette.add(request, exchange);
        }
    }
}
