package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import dev.ladder.core.http.CallInfo;
import dev.ladder.core.http.CallListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a {@link CallListener} sees of the OpenAI client's chat, stream and embedding calls on recorded payloads. */
class OpenAiListenerTest {
    private final MockWebServer server = new MockWebServer();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .addListener(new CallListener() {
                    @Override
                    public void onRequest(CallInfo call, int attempt) {
                        events.add("request " + call.provider() + " " + call.operation() + " " + call.model() + " "
                                + attempt);
                    }

                    @Override
                    public void onResponse(CallInfo call, int attempt, int status, Duration latency) {
                        events.add("response " + status);
                    }

                    @Override
                    public void onUsage(CallInfo call, Usage usage) {
                        events.add("usage " + usage);
                    }

                    @Override
                    public void onComplete(CallInfo call, Duration latency) {
                        events.add("complete " + call.operation());
                    }

                    @Override
                    public void onError(CallInfo call, LadderException error, Duration latency) {
                        events.add("error " + error.getClass().getSimpleName());
                    }
                })
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsTheUsageOfAChatBeforeItsCompletion() {
        server.enqueue(TestData.jsonResponse(200, recordedResponse("test_parse_nothing")));

        client.chatModel("gpt-4o-2024-08-06").chat(ChatRequest.of(Message.user("What's the weather like in SF?")));

        assertThat(events)
                .containsExactly(
                        "request OpenAI chat gpt-4o-2024-08-06 1",
                        "response 200",
                        "usage " + new Usage(14, 37, 0, 0),
                        "complete chat");
    }

    @Test
    void reportsTheUsageAStreamEndsWithBeforeItsCompletion() throws Exception {
        server.enqueue(TestData.sseResponse(TestData.bytes("openai-python-sse/parse_nothing_plain_text.sse")));
        StreamRecorder recorder = new StreamRecorder();

        client.chatModel("gpt-4o-2024-08-06").stream(
                ChatRequest.of(Message.user("What's the weather like in SF?")), recorder);
        recorder.result.get(10, TimeUnit.SECONDS);

        awaitEvents(4);
        assertThat(events)
                .containsExactly(
                        "request OpenAI chat.stream gpt-4o-2024-08-06 1",
                        "response 200",
                        "usage " + new Usage(14, 30, 0, 0),
                        "complete chat.stream");
    }

    @Test
    void reportsTheUsageOfAnEmbedding() {
        server.enqueue(TestData.jsonResponse(200, TestData.text("openai-node/embeddings-base64-response.json")));

        client.embedder("text-embedding-3-large").embed("hello");

        assertThat(events)
                .containsExactly(
                        "request OpenAI embed text-embedding-3-large 1",
                        "response 200",
                        "usage " + new Usage(1, 0, 0, 0),
                        "complete embed");
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String recordedResponse(String test) {
        return TestData.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .map(line -> object(TestData.tree(line)))
                .filter(line -> test.equals(line.get("test")))
                .map(line -> TestData.json(line.get("response")))
                .findFirst()
                .orElseThrow();
    }
}
