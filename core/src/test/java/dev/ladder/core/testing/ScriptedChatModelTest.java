package dev.ladder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedChatModelTest {
    private static final ChatRequest REQUEST = ChatRequest.of(Message.user("hi"));

    @Test
    void answersScriptedRepliesInOrder() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("one", "two");

        assertThat(model.chat(REQUEST).text()).isEqualTo("one");
        assertThat(model.chat(REQUEST).text()).isEqualTo("two");
        assertThat(model.remaining()).isZero();
    }

    @Test
    void recordsEveryRequestInOrder() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("one", "two");
        ChatRequest second = ChatRequest.of(Message.user("again"));

        model.chat(REQUEST);
        model.stream(second, new StreamHandler() {});

        assertThat(model.requests()).containsExactly(REQUEST, second);
        assertThat(model.lastRequest()).isSameAs(second);
    }

    @Test
    void failsWithTheRequestWhenNothingIsQueued() {
        ScriptedChatModel model = ScriptedChatModel.create();

        assertThatThrownBy(() -> model.chat(REQUEST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ScriptedChatModel has no reply queued for request 1: "
                        + "[UserMessage[parts=[TextPart[text=hi]]]]");
    }

    @Test
    void streamsTextInPiecesOfTheDeltaSize() {
        ScriptedChatModel model = ScriptedChatModel.create().deltaSize(3).reply("abcdefg");
        Events events = new Events();

        model.stream(REQUEST, events);

        assertThat(events.log).containsExactly("text:abc", "text:def", "text:g", "usage", "complete:abcdefg");
    }

    @Test
    void streamsExactlyTheScriptedPieces() {
        ScriptedChatModel model = ScriptedChatModel.create().replyInPieces("{\"an", "swer\": 4", "2}");
        Events events = new Events();

        model.stream(REQUEST, events);

        assertThat(events.log)
                .containsExactly("text:{\"an", "text:swer\": 4", "text:2}", "usage", "complete:{\"answer\": 42}");
    }

    @Test
    void chatJoinsTheScriptedPieces() {
        ScriptedChatModel model = ScriptedChatModel.create().replyInPieces("Hel", "lo");

        assertThat(model.chat(REQUEST).text()).isEqualTo("Hello");
    }

    @Test
    void rejectsReplyInPiecesWithoutPieces() {
        assertThatThrownBy(() -> ScriptedChatModel.create().replyInPieces())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replyInPieces needs at least one piece");
    }

    @Test
    void streamsEachToolCallAsAHeaderThenArgumentPieces() {
        ToolCall call = new ToolCall("call_1", "lookup", "{\"q\":\"x\"}");
        ScriptedChatModel model = ScriptedChatModel.create().deltaSize(4).replyWithToolCalls(call);
        Events events = new Events();

        model.stream(REQUEST, events);

        assertThat(events.log)
                .containsExactly(
                        "tool:0:call_1:lookup:",
                        "tool:0:null:null:{\"q\"",
                        "tool:0:null:null::\"x\"",
                        "tool:0:null:null:}",
                        "usage",
                        "complete:null");
    }

    @Test
    void givesAMessageWithToolCallsTheToolCallsFinishReason() {
        AssistantMessage message =
                new AssistantMessage("Let me look.", null, List.of(new ToolCall("c", "lookup", "{}")));
        ScriptedChatModel model = ScriptedChatModel.create().reply(message);

        ChatResponse response = model.chat(REQUEST);

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.message()).isEqualTo(message);
    }

    @Test
    void refusesWithTheRefusalFinishReason() {
        ScriptedChatModel model = ScriptedChatModel.create().refuse("I can't help with that.");

        ChatResponse response = model.chat(REQUEST);

        assertThat(response.finishReason()).isEqualTo(FinishReason.REFUSAL);
        assertThat(response.message().refusal()).isEqualTo("I can't help with that.");
    }

    @Test
    void streamEndsWithTheScriptedFailure() {
        RateLimitException limited = new RateLimitException("slow down", 429, Map.of(), "", null, null);
        ScriptedChatModel model = ScriptedChatModel.create().fail(limited);
        Events events = new Events();

        model.stream(REQUEST, events);

        assertThat(events.log).containsExactly("error:slow down");
    }

    @Test
    void deltaHandlerThatThrowsEndsTheStreamWithAnError() {
        ScriptedChatModel model = ScriptedChatModel.create().deltaSize(1).reply("abc");
        Events events = new Events() {
            @Override
            public void onText(int choice, String delta) {
                super.onText(choice, delta);
                throw new IllegalStateException("handler bug");
            }
        };

        model.stream(REQUEST, events);

        assertThat(events.log)
                .containsExactly(
                        "text:a", "error:the stream handler threw java.lang.IllegalStateException: handler bug");
    }

    @Test
    void estimatesUsageAtFourCharactersAToken() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("twelve chars");

        assertThat(model.chat(REQUEST).usage()).isEqualTo(new Usage(10, 3, 0, 0));
    }

    @Test
    void rejectsADeltaSizeBelowOne() {
        assertThatThrownBy(() -> ScriptedChatModel.create().deltaSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deltaSize must be at least 1, was 0");
    }

    /** Writes each event down as a short line. */
    static class Events implements StreamHandler {
        final List<String> log = new ArrayList<>();

        @Override
        public void onText(int choice, String delta) {
            log.add("text:" + delta);
        }

        @Override
        public void onRefusal(int choice, String delta) {
            log.add("refusal:" + delta);
        }

        @Override
        public void onToolCallDelta(ToolCallDelta delta) {
            log.add("tool:" + delta.index() + ":" + delta.id() + ":" + delta.name() + ":" + delta.argumentsDelta());
        }

        @Override
        public void onUsage(Usage usage) {
            log.add("usage");
        }

        @Override
        public void onComplete(ChatResponse response) {
            log.add("complete:" + response.message().text());
        }

        @Override
        public void onError(LadderException error) {
            log.add("error:" + error.getMessage());
        }
    }
}
