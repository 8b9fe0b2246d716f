package dev.ladder.core.openai;

import static dev.ladder.core.http.ScriptedBody.chunk;
import static dev.ladder.core.http.ScriptedBody.disconnect;
import static dev.ladder.core.http.ScriptedBody.stream;
import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.CallTimeoutException;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.Message;
import dev.ladder.core.ServerException;
import dev.ladder.core.http.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared transport's retry, stream and timeout rules as seen through the OpenAI chat model, with
 * the recorded plain-text stream and response: per-request settings override the client's, and a
 * stream is retried only until its first event reached the handler.
 */
class OpenAiReliabilityTest {
    private static final String STREAM = "parse_nothing_plain_text.sse";
    private static final ChatRequest WEATHER = ChatRequest.of(Message.user("What's the weather like in SF?"));
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxRetries(2)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(20))
            .build();

    private final MockWebServer server = new MockWebServer();
    private OpenAiChatModel model;

    @BeforeEach
    void start() throws Exception {
        server.start();
        model = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .retryPolicy(FAST)
                .build()
                .chatModel("gpt-4o-2024-08-06");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void retriesAServerErrorAndThenReadsTheRecordedResponse() {
        server.enqueue(TestData.jsonResponse(503, ""));
        server.enqueue(TestData.jsonResponse(200, recordedResponse()));

        ChatResponse response = model.chat(WEATHER);

        assertThat(response.text()).startsWith("I'm unable to provide real-time weather updates.");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRequestsMaxRetriesOverridesTheClientsPolicy() {
        server.enqueue(TestData.jsonResponse(503, ""));
        server.enqueue(TestData.jsonResponse(200, recordedResponse()));

        assertThatThrownBy(() -> model.chat(WEATHER.toBuilder().maxRetries(0).build()))
                .isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRequestsTimeoutOverridesTheClientsCallTimeout() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        assertThatThrownBy(() -> model.chat(
                        WEATHER.toBuilder().timeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("call to " + server.url("/v1/chat/completions") + " timed out after 300 ms (call"
                        + " timeout): raise the timeout or ask for a shorter answer");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAStreamCutBeforeItsFirstEventAndAssemblesTheRecording() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(TestData.sseResponse(TestData.bytes("openai-python-sse/" + STREAM)));
        StreamRecorder recorder = new StreamRecorder();

        model.stream(WEATHER, recorder);

        ChatResponse response = recorder.result.get(10, TimeUnit.SECONDS);
        assertThat(response.text()).isEqualTo(expectedText());
        assertThat(recorder.text.get(0)).hasToString(expectedText());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRetryAStreamThatBreaksAfterItsFirstEventSoNoDeltaRepeats() {
        String recorded = TestData.text("openai-python-sse/" + STREAM);
        String firstEvents = firstEvents(recorded, 4);
        server.enqueue(stream(chunk(firstEvents), disconnect()));
        server.enqueue(TestData.sseResponse(recorded.getBytes(StandardCharsets.UTF_8)));
        StreamRecorder recorder = new StreamRecorder();

        model.stream(WEATHER, recorder);

        assertThatThrownBy(() -> recorder.result.orTimeout(10, TimeUnit.SECONDS).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith(
                        "connection to " + server.url("/v1/chat/completions") + " broke while reading the response");
        assertThat(recorder.text.get(0).toString()).isNotEmpty().isEqualTo(textOf(firstEvents));
        assertThat(recorder.terminalCalls).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static String recordedResponse() {
        return TestData.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .map(line -> object(TestData.tree(line)))
                .filter(line -> "test_parse_nothing".equals(line.get("test")))
                .map(line -> TestData.json(line.get("response")))
                .findFirst()
                .orElseThrow();
    }

    private static String expectedText() {
        Map<String, Object> assembled =
                object(TestData.tree(TestData.text("openai-python-sse/expected_assembled.json")));
        return (String)
                object(array(object(assembled.get(STREAM)).get("choices")).get(0))
                        .get("content");
    }

    /** Returns the first {@code count} events of {@code stream}, each with its closing blank line. */
    private static String firstEvents(String stream, int count) {
        int end = 0;
        for (int i = 0; i < count; i++) {
            end = stream.indexOf("\n\n", end) + 2;
        }
        return stream.substring(0, end);
    }

    /** Returns the text the chunks in {@code events} carry, read independently of the assembler. */
    private static String textOf(String events) {
        StringBuilder text = new StringBuilder();
        for (String line : events.split("\n")) {
            if (line.startsWith("data: ")) {
                Map<String, Object> chunk = object(TestData.tree(line.substring(6)));
                for (Object choice : array(chunk.get("choices"))) {
                    Object content = object(object(choice).get("delta")).get("content");
                    text.append(content == null ? "" : content);
                }
            }
        }
        return text.toString();
    }
}
