package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import dev.ladder.core.http.CallInfo;
import dev.ladder.core.http.CallListener;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a {@link CallListener} sees of the Anthropic client's calls, on the recorded exchanges and stream. */
class AnthropicListenerTest {
    private static final String TOOL_LOOP =
            "lib/tools/__inline_snapshot__/test_runners/TestSyncRunTools/10e53c1d-51be-4c64-b5bf-99adb3fa4719.json";
    private static final String RATE_LIMITED =
            "lib/_parse/__inline_snapshot__/test_messages/TestAsyncParse/d743d628-16aa-4c9f-ae78-51deb578f746.json";

    private final MockWebServer server = new MockWebServer();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private AnthropicChatModel model;

    @BeforeEach
    void start() throws IOException {
        server.start();
        RetryPolicy fast = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2))
                .build();
        model = AnthropicChatModel.builder(Recorded.config(server)
                        .retryPolicy(fast)
                        .addListener(new CallListener() {
                            @Override
                            public void onRequest(CallInfo call, int attempt) {
                                events.add("request " + call.provider() + " " + call.model() + " " + attempt);
                            }

                            @Override
                            public void onResponse(CallInfo call, int attempt, int status, Duration latency) {
                                events.add("response " + status);
                            }

                            @Override
                            public void onRetry(CallInfo call, int attempt, Duration delay, LadderException cause) {
                                events.add("retry " + cause.getClass().getSimpleName());
                            }

                            @Override
                            public void onUsage(CallInfo call, Usage usage) {
                                events.add("usage " + usage);
                            }

                            @Override
                            public void onComplete(CallInfo call, Duration latency) {
                                events.add("complete " + (call.streaming() ? "stream" : "chat"));
                            }
                        })
                        .build())
                .model("claude-sonnet-4-5")
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsARetriedRateLimitAndTheUsageOfTheAnswer() {
        server.enqueue(RecordedExchange.load(RATE_LIMITED).get(0).mockResponse());
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(1);
        server.enqueue(exchange.mockResponse());

        model.chat(exchange.chatRequest());

        assertThat(events)
                .containsExactly(
                        "request Anthropic claude-haiku-4-5 1",
                        "response 429",
                        "retry RateLimitException",
                        "request Anthropic claude-haiku-4-5 2",
                        "response 200",
                        "usage " + exchange.expectedAnswer().usage(),
                        "complete chat");
    }

    @Test
    void reportsTheUsageOfAStreamBeforeItsCompletion() throws InterruptedException {
        server.enqueue(Recorded.stream(Recorded.text("lib/streaming/fixtures/basic_response.txt")));
        Collector collector = new Collector();

        model.stream(ChatRequest.of(Message.user("Say hello there!")), collector);
        collector.awaitResponse();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events)
                .containsExactly(
                        "request Anthropic claude-sonnet-4-5 1",
                        "response 200",
                        "usage " + new Usage(11, 6, 0, 0),
                        "complete stream");
    }
}
