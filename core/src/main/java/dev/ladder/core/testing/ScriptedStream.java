package dev.ladder.core.testing;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Delivers a known sequence of stream events to a handler on the caller's thread, honouring the
 * {@link dev.ladder.core.ChatModel#stream} contract: deltas in order, then exactly one completion
 * or error. A delta handler that throws a {@link RuntimeException} ends the stream with
 * {@link StreamHandler#onError}. The stream has ended by the time the handle is returned, so the
 * handle's cancel has nothing left to stop.
 */
final class ScriptedStream {
    private ScriptedStream() {}

    /** Delivers {@code events}, then {@code response}, or {@code error} when it is not null. */
    static StreamHandle deliver(
            List<StreamEvent> events, ChatResponse response, LadderException error, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        for (StreamEvent event : events) {
            try {
                event.deliverTo(handler);
            } catch (RuntimeException e) {
                handler.onError(new LadderException("the stream handler threw " + e, e));
                return Ended.INSTANCE;
            }
        }
        if (error != null) {
            handler.onError(error);
        } else {
            handler.onComplete(response);
        }
        return Ended.INSTANCE;
    }

    /**
     * Splits {@code response} into the deltas a provider would stream: text and refusal in pieces
     * of at most {@code size} characters (the first choice's text in {@code textPieces} instead
     * when that is not null), then each tool call as a header piece and argument pieces, then usage.
     */
    static List<StreamEvent> eventsOf(ChatResponse response, int size, List<String> textPieces) {
        List<StreamEvent> events = new ArrayList<>();
        for (Choice choice : response.choices()) {
            AssistantMessage message = choice.message();
            int index = choice.index();
            List<String> text = index == 0 && textPieces != null ? textPieces : pieces(message.text(), size);
            text.forEach(piece -> events.add(new StreamEvent.Text(index, piece)));
            pieces(message.refusal(), size).forEach(piece -> events.add(new StreamEvent.Refusal(index, piece)));
            for (int i = 0; i < message.toolCalls().size(); i++) {
                ToolCall call = message.toolCalls().get(i);
                events.add(new StreamEvent.ToolCallPiece(new ToolCallDelta(index, i, call.id(), call.name(), "")));
                for (String piece : pieces(call.arguments(), size)) {
                    events.add(new StreamEvent.ToolCallPiece(new ToolCallDelta(index, i, null, null, piece)));
                }
            }
        }
        events.add(new StreamEvent.UsageReport(response.usage()));
        return events;
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

    /** Delivers {@code error} as the only event. */
    static StreamHandle fail(LadderException error, StreamHandler handler) {
        return deliver(List.of(), null, error, handler);
    }

    /** The handle of a stream that has already ended. */
    private enum Ended implements StreamHandle {
        INSTANCE;

        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
            return true;
        }
    }
}
