package dev.ladder.core.anthropic;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.FinishReason;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.Message;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import dev.ladder.core.conformance.CallMode;
import dev.ladder.core.conformance.ChatModelContract;
import dev.ladder.core.conformance.ChatScenario;
import dev.ladder.core.conformance.FailureScenario;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the chat-model contract on the Anthropic client against recorded API payloads. */
class AnthropicChatModelContractTest extends ChatModelContract {
    private static final String RUNNERS = "lib/tools/__inline_snapshot__/test_runners/TestSyncRunTools/";
    private static final String TOOL_LOOP = RUNNERS + "10e53c1d-51be-4c64-b5bf-99adb3fa4719.json";
    private static final String RATE_LIMITED =
            "lib/_parse/__inline_snapshot__/test_messages/TestAsyncParse/d743d628-16aa-4c9f-ae78-51deb578f746.json";
    private static final String BAD_REQUEST = RUNNERS + "f59a9391-643b-422c-96dc-1f28bc7ea4d7.json";
    private static final ChatRequest HELLO = ChatRequest.of(Message.user("Say hello there!"));

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ChatScenario textReply(CallMode mode) {
        if (mode == CallMode.STREAM) {
            server.enqueue(Recorded.stream(Recorded.text("lib/streaming/fixtures/basic_response.txt")));
            return ChatScenario.text(Recorded.model(server), HELLO, "Hello there!", new Usage(11, 6, 0, 0));
        }
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(1);
        server.enqueue(exchange.mockResponse());
        RecordedExchange.Answer answer = exchange.expectedAnswer();
        return ChatScenario.text(Recorded.model(server), exchange.chatRequest(), answer.text(), answer.usage());
    }

    @Override
    protected ChatScenario toolCallReply(CallMode mode) {
        if (mode == CallMode.STREAM) {
            server.enqueue(Recorded.stream(Recorded.text("lib/streaming/fixtures/tool_use_response.txt")));
            ToolCall call = new ToolCall("toolu_01NRLabsLyVHZPKxbKvkfSMn", "get_weather", "{\"location\":\"Paris\"}");
            return new ChatScenario(
                    Recorded.model(server),
                    HELLO,
                    "I'll check the current weather in Paris for you.",
                    List.of(call),
                    FinishReason.TOOL_CALLS,
                    new Usage(377, 65, 0, 0));
        }
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(0);
        server.enqueue(exchange.mockResponse());
        RecordedExchange.Answer answer = exchange.expectedAnswer();
        return ChatScenario.toolCalls(
                Recorded.model(server), exchange.chatRequest(), answer.text(), answer.toolCalls(), answer.usage());
    }

    @Override
    protected FailureScenario retriableFailure(CallMode mode) {
        RecordedExchange exchange = RecordedExchange.load(RATE_LIMITED).get(0);
        server.enqueue(exchange.mockResponse());
        return new FailureScenario(Recorded.model(server), exchange.chatRequest(), RateLimitException.class, true);
    }

    @Override
    protected FailureScenario nonRetriableFailure(CallMode mode) {
        RecordedExchange exchange = RecordedExchange.load(BAD_REQUEST).get(1);
        server.enqueue(exchange.mockResponse());
        return new FailureScenario(
                Recorded.model(server), exchange.chatRequest(), InvalidRequestException.class, false);
    }
}
