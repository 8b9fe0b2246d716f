package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays each of the 14 recorded Messages API streams and checks what the handler received. */
class AnthropicRecordedStreamsTest {
    private static final ChatRequest REQUEST = ChatRequest.of(Message.user("Hello"));
    private static final String WEATHER_TEXT = "I'll check the current weather in Paris for you.";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void basicStreamDeliversTextDeltasInOrder() throws InterruptedException {
        Collector collector = replay("lib/streaming/fixtures/basic_response.txt");

        ChatResponse response = collector.awaitResponse();

        assertThat(collector.texts).containsExactly("Hello", " there", "!");
        assertThat(response.id()).isEqualTo("msg_4QpJur2dWWDjF6C758FbBw5vm12BaVipnK");
        assertThat(response.model()).isEqualTo("claude-3-opus-latest");
        assertText(response, "Hello there!", FinishReason.STOP, "end_turn");
        assertThat(response.usage()).isEqualTo(new Usage(11, 6, 0, 0));
        assertThat(collector.usages).containsExactly(new Usage(11, 6, 0, 0));
    }

    @Test
    void compactionBlockIsSkipped() throws InterruptedException {
        ChatResponse response =
                replay("lib/streaming/fixtures/compaction_response.txt").awaitResponse();

        assertText(response, "Hello there!", FinishReason.STOP, "end_turn");
        assertThat(response.usage()).isEqualTo(new Usage(30, 8, 0, 0));
    }

    @Test
    void fallbackCreditInUsageIsIgnored() throws InterruptedException {
        ChatResponse response =
                replay("lib/streaming/fixtures/fallback_credit_response.txt").awaitResponse();

        assertText(response, "Hello there!", FinishReason.STOP, "end_turn");
        assertThat(response.usage()).isEqualTo(new Usage(25, 8, 0, 0));
    }

    @Test
    void fallbackBlockIsSkipped() throws InterruptedException {
        ChatResponse response =
                replay("lib/streaming/fixtures/fallback_response.txt").awaitResponse();

        assertText(response, "Hello there!", FinishReason.STOP, "end_turn");
        assertThat(response.model()).isEqualTo("claude-opus-4-7");
    }

    @Test
    void toolUseCutOffByMaxTokensKeepsThePartialArguments() throws InterruptedException {
        ChatResponse response = replay("lib/streaming/fixtures/incomplete_partial_json_response.txt")
                .awaitResponse();

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.choices().get(0).rawFinishReason()).isEqualTo("max_tokens");
        assertThat(response.text()).endsWith("taxes.txt. Let me do that for you now.");
        ToolCall call = response.message().toolCalls().get(0);
        assertThat(call.name()).isEqualTo("make_file");
        assertThat(call.arguments())
                .isEqualTo("{\"filename\": \"taxes.txt\", \"lines_of_text\": [\n"
                        + "\"# COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s\",\n\"\",\n"
                        + "\"## INTRODUCTION\",\n\"\",\n\"Filing taxes");
        assertThat(response.usage()).isEqualTo(new Usage(450, 124, 0, 0));
    }

    @Test
    void refusalStopReasonCarriesTheExplanation() throws InterruptedException {
        ChatResponse response =
                replay("lib/streaming/fixtures/refusal_response.txt").awaitResponse();

        assertThat(response.finishReason()).isEqualTo(FinishReason.REFUSAL);
        assertThat(response.message().refusal()).isEqualTo("This request was refused due to policy.");
        assertThat(response.text()).isEmpty();
        assertThat(response.usage()).isEqualTo(new Usage(20, 0, 0, 0));
    }

    @Test
    void toolUseArgumentsArriveAsPiecesOfOneCall() throws InterruptedException {
        Collector collector = replay("lib/streaming/fixtures/tool_use_response.txt");

        ChatResponse response = collector.awaitResponse();

        assertThat(collector.toolDeltas)
                .containsExactly(
                        new ToolCallDelta(0, 0, "toolu_01NRLabsLyVHZPKxbKvkfSMn", "get_weather", ""),
                        new ToolCallDelta(0, 0, null, null, "{\"locati"),
                        new ToolCallDelta(0, 0, null, null, "on\": \"P"),
                        new ToolCallDelta(0, 0, null, null, "ar"),
                        new ToolCallDelta(0, 0, null, null, "is\"}"));
        assertText(response, WEATHER_TEXT, FinishReason.TOOL_CALLS, "tool_use");
        assertThat(response.message().toolCalls())
                .containsExactly(
                        new ToolCall("toolu_01NRLabsLyVHZPKxbKvkfSMn", "get_weather", "{\"location\": \"Paris\"}"));
        assertThat(response.usage()).isEqualTo(new Usage(377, 65, 0, 0));
    }

    @Test
    void thinkingIsSkippedAndCountedAsReasoningTokens() throws InterruptedException {
        ChatResponse response =
                replay("fixtures/fable-fallback/stream-a-refusal.sse").awaitResponse();

        assertText(response, "Hi", FinishReason.REFUSAL, "refusal");
        assertThat(response.message().refusal()).isEmpty();
        assertThat(response.usage()).isEqualTo(new Usage(28, 106, 0, 67));
    }

    @Test
    void serverToolUseAndSearchResultsAreNotClientToolCalls() throws InterruptedException {
        Collector collector = replay("fixtures/fable-fallback/stream-a-toolrefusal.sse");

        ChatResponse response = collector.awaitResponse();

        assertThat(collector.toolDeltas).isEmpty();
        assertText(response, "Here's a summary of this year's solar eclipses and how", FinishReason.REFUSAL, "refusal");
        assertThat(response.message().toolCalls()).isEmpty();
    }

    @Test
    void longStreamJoinsAllFifteenDeltas() throws InterruptedException {
        Collector collector = replay("fixtures/fable-fallback/stream-b-fallback.sse");

        ChatResponse response = collector.awaitResponse();

        assertThat(collector.texts).hasSize(15);
        assertThat(response.text())
                .hasSize(1312)
                .startsWith(" there! Happy to explain.\n\n**Solar eclipses** happen")
                .endsWith("Just let me know what's sparking your interest!")
                .isEqualTo(String.join("", collector.texts));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(new Usage(31, 547, 0, 0));
    }

    @Test
    void unknownFieldsInEventsAreIgnored() throws InterruptedException {
        ChatResponse response = replay("lib/streaming/fixtures-history/extra_fields_response.txt")
                .awaitResponse();

        assertText(response, "Hello!", FinishReason.STOP, "end_turn");
        assertThat(response.usage()).isEqualTo(new Usage(11, 3, 0, 0));
    }

    @Test
    void blockStartingAtIndexOneAndNoMessageDeltaEndsWithoutAStopReason() throws InterruptedException {
        ChatResponse response = replay("lib/streaming/fixtures-history/out_of_order_response.txt")
                .awaitResponse();

        assertThat(response.text()).isEmpty();
        assertThat(response.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(response.choices().get(0).rawFinishReason()).isNull();
        assertThat(response.usage()).isEqualTo(new Usage(11, 1, 0, 0));
    }

    @Test
    void serverToolUseInputIsNotDeliveredAsAToolCall() throws InterruptedException {
        Collector collector = replay("lib/streaming/fixtures-history/server_tool_use_response.txt");

        ChatResponse response = collector.awaitResponse();

        assertThat(collector.toolDeltas).isEmpty();
        assertText(response, "Let me search for that.", FinishReason.STOP, "end_turn");
        assertThat(response.usage()).isEqualTo(new Usage(42, 40, 0, 0));
    }

    @Test
    void invalidToolJsonIsKeptExactlyAsTheModelWroteIt() throws InterruptedException {
        ChatResponse response = replay("lib/streaming/fixtures-history/tool_use_invalid_json_response.txt")
                .awaitResponse();

        assertText(response, WEATHER_TEXT, FinishReason.TOOL_CALLS, "tool_use");
        assertThat(response.message().toolCalls())
                .containsExactly(new ToolCall(
                        "toolu_01NRLabsLyVHZPKxbKvkfSMn",
                        "get_weather",
                        "{\"location\": \"Paris\", \"unit\": celsius}"));
    }

    private Collector replay(String path) {
        server.enqueue(Recorded.stream(Recorded.text(path)));
        Collector collector = new Collector();
        Recorded.model(server).stream(REQUEST, collector);
        return collector;
    }

    private static void assertText(ChatResponse response, String text, FinishReason reason, String raw) {
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.finishReason()).isEqualTo(reason);
        assertThat(response.choices().get(0).rawFinishReason()).isEqualTo(raw);
    }
}
