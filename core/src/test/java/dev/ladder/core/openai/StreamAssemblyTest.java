package dev.ladder.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assembles streams whose shapes the recordings lack: several choices, and several tool calls in one
 * answer with their pieces interleaved. The chunks follow the spec's {@code CreateChatCompletionStreamResponse}.
 */
class StreamAssemblyTest {
    private final MockWebServer server = new MockWebServer();
    private OpenAiChatModel model;

    @BeforeEach
    void start() throws Exception {
        server.start();
        model = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .build()
                .chatModel("m");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String chunk(String choices) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[" + choices + "]}\n\n";
    }

    private StreamRecorder stream(String body) throws Exception {
        server.enqueue(TestData.sseResponse(body.getBytes(StandardCharsets.UTF_8)));
        StreamRecorder recorder = new StreamRecorder();
        model.stream(ChatRequest.of(Message.user("Hi")), recorder);
        recorder.result.get(5, TimeUnit.SECONDS);
        return recorder;
    }

    @Test
    void assemblesSeveralToolCallsInOneAnswerByIndex() throws Exception {
        String body = chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":["
                        + "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                        + "\"arguments\":\"\"}},"
                        + "{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\","
                        + "\"arguments\":\"\"}}]},\"finish_reason\":null}")
                + chunk(
                        "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"tz\\\":\"}}]}}")
                + chunk(
                        "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}")
                + chunk(
                        "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Oslo\\\"}\"}}]}}")
                + chunk(
                        "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"CET\\\"}\"}}]}}")
                + chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}")
                + "data: [DONE]\n\n";

        StreamRecorder recorder = stream(body);
        ChatResponse response = recorder.result.get();

        assertThat(response.message().toolCalls())
                .containsExactly(
                        new ToolCall("call_a", "weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("call_b", "time", "{\"tz\":\"CET\"}"));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(recorder.toolCallDeltas)
                .startsWith(
                        new ToolCallDelta(0, 0, "call_a", "weather", ""),
                        new ToolCallDelta(0, 1, "call_b", "time", ""));
    }

    @Test
    void assemblesSeveralChoicesSeparately() throws Exception {
        String body = chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}},"
                        + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}")
                + chunk("{\"index\":1,\"delta\":{\"content\":\" there\"},\"finish_reason\":\"stop\"}")
                + chunk("{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"length\"}")
                + "data: [DONE]\n\n";

        StreamRecorder recorder = stream(body);
        ChatResponse response = recorder.result.get();

        assertThat(response.choices()).hasSize(2);
        assertThat(response.choices().get(0).message().text()).isEqualTo("Hello");
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.choices().get(1).message().text()).isEqualTo("Hi there");
        assertThat(response.choices().get(1).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(recorder.text.get(1)).hasToString("Hi there");
    }

    @Test
    void endsWithAServerErrorWhenTheStreamReportsOne() throws Exception {
        String body = chunk("{\"index\":0,\"delta\":{\"content\":\"Hel\"}}")
                + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                + "\"type\":\"server_error\"}}\n\n";
        server.enqueue(TestData.sseResponse(body.getBytes(StandardCharsets.UTF_8)));
        StreamRecorder recorder = new StreamRecorder();

        model.stream(ChatRequest.of(Message.user("Hi")), recorder);

        assertThat(recorder.result)
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(dev.ladder.core.ServerException.class)
                .withMessage("stream from " + server.url("/v1/chat/completions")
                        + " reported an error after 2 events: The server had an error while processing your"
                        + " request.: retry the call");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsDeliveringOnceTheStreamIsCancelled() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .chunkedBody(
                        chunk("{\"index\":0,\"delta\":{\"content\":\"a\"}}").repeat(200) + "data: [DONE]\n\n", 64)
                .throttleBody(256, 20, TimeUnit.MILLISECONDS)
                .build());
        StreamRecorder recorder = new StreamRecorder();

        StreamHandle handle = model.stream(ChatRequest.of(Message.user("Hi")), recorder);
        Thread.sleep(100);
        handle.cancel();
        int seen = recorder.text.isEmpty() ? 0 : recorder.text.get(0).length();
        Thread.sleep(200);

        assertThat(handle.isDone()).isTrue();
        assertThat(recorder.text.isEmpty() ? 0 : recorder.text.get(0).length()).isLessThanOrEqualTo(seen + 1);
        assertThat(recorder.terminalCalls).isZero();
    }

    @Test
    void servesManyThreadsSharingOneChatModel() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String question = request.getBody().utf8().replaceAll(".*\"content\":\"(q\\d+)\".*", "$1");
                return TestData.jsonResponse(
                        200, OpenAiClientTest.CHAT_RESPONSE.replace("\"ok\"", "\"" + question + "\""));
            }
        });
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Future<ChatResponse>> results = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            ChatRequest request = ChatRequest.of(Message.user("q" + i));
            results.add(executor.submit(() -> model.chat(request)));
        }

        for (int i = 0; i < 160; i++) {
            assertThat(results.get(i).get(30, TimeUnit.SECONDS).text()).isEqualTo("q" + i);
        }
        executor.shutdown();
        assertThat(server.getRequestCount()).isEqualTo(160);
    }
}
