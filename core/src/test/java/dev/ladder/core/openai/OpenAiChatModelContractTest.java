package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import dev.ladder.core.conformance.CallMode;
import dev.ladder.core.conformance.ChatModelContract;
import dev.ladder.core.conformance.ChatScenario;
import dev.ladder.core.conformance.FailureScenario;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the chat-model contract on the OpenAI-compatible client against responses and streams
 * recorded from the live API; the expected answers come from the recordings and their oracle.
 */
class OpenAiChatModelContractTest extends ChatModelContract {
    private static final Map<String, Object> ASSEMBLED =
            object(TestData.tree(TestData.text("openai-python-sse/expected_assembled.json")));
    private static final ChatRequest WEATHER = ChatRequest.of(Message.user("What's the weather like in SF?"));

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
        Expected expected =
                mode == CallMode.CHAT ? chatResponse("test_parse_nothing") : streamed("parse_nothing_plain_text.sse");
        return ChatScenario.text(model(), WEATHER, expected.text(), expected.usage());
    }

    @Override
    protected ChatScenario toolCallReply(CallMode mode) {
        Expected expected = mode == CallMode.CHAT
                ? chatResponse("test_parse_strict_tools")
                : streamed("tool_call_strict_dict_schema.sse");
        return ChatScenario.toolCalls(model(), WEATHER, expected.text(), expected.toolCalls(), expected.usage());
    }

    @Override
    protected FailureScenario retriableFailure(CallMode mode) {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        return new FailureScenario(model(), WEATHER, ConnectionException.class, true);
    }

    @Override
    protected FailureScenario nonRetriableFailure(CallMode mode) {
        server.enqueue(TestData.jsonResponse(401, ""));
        return new FailureScenario(model(), WEATHER, AuthenticationException.class, false);
    }

    private OpenAiChatModel model() {
        return OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .retryPolicy(RetryPolicy.none())
                .build()
                .chatModel("gpt-4o-2024-08-06");
    }

    /** Enqueues the recorded non-streaming response of {@code test} and returns what it says. */
    private Expected chatResponse(String test) {
        Map<String, Object> body = TestData.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .map(line -> object(TestData.tree(line)))
                .filter(line -> test.equals(line.get("test")))
                .map(line -> object(line.get("response")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recorded response of " + test));
        server.enqueue(TestData.jsonResponse(200, TestData.json(body)));
        Map<String, Object> message =
                object(object(array(body.get("choices")).get(0)).get("message"));
        List<ToolCall> calls = new ArrayList<>();
        if (message.get("tool_calls") != null) {
            for (Object call : array(message.get("tool_calls"))) {
                Map<String, Object> function = object(object(call).get("function"));
                calls.add(new ToolCall((String) object(call).get("id"), (String) function.get("name"), (String)
                        function.get("arguments")));
            }
        }
        return new Expected(
                (String) message.get("content"), calls, RecordedStreamsTest.usage(object(body.get("usage"))));
    }

    /** Enqueues the recorded stream {@code name} and returns what its oracle says it assembles to. */
    private Expected streamed(String name) {
        server.enqueue(TestData.sseResponse(TestData.bytes("openai-python-sse/" + name)));
        Map<String, Object> assembled = object(ASSEMBLED.get(name));
        Map<String, Object> choice = object(array(assembled.get("choices")).get(0));
        List<ToolCall> calls = new ArrayList<>();
        for (Object call : array(choice.get("tool_calls"))) {
            Map<String, Object> fields = object(call);
            calls.add(new ToolCall(
                    (String) fields.get("id"), (String) fields.get("name"), (String) fields.get("arguments")));
        }
        return new Expected(
                (String) choice.get("content"), calls, RecordedStreamsTest.usage(object(assembled.get("usage"))));
    }

    /** What a recording says the model answers: the first choice's text and tool calls, and usage. */
    private record Expected(String text, List<ToolCall> toolCalls, Usage usage) {}
}
