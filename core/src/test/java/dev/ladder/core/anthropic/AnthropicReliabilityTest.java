package dev.ladder.core.anthropic;

import static dev.ladder.core.http.ScriptedBody.chunk;
import static dev.ladder.core.http.ScriptedBody.disconnect;
import static dev.ladder.core.http.ScriptedBody.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared transport's retry, stream and cancellation rules as seen through the Anthropic chat
 * model, with the recorded rate-limit answer and the recorded basic stream.
 */
class AnthropicReliabilityTest {
    private static final String BASIC = "lib/streaming/fixtures/basic_response.txt";
    private static final String RATE_LIMITED =
            "lib/_parse/__inline_snapshot__/test_messages/TestAsyncParse/d743d628-16aa-4c9f-ae78-51deb578f746.json";
    private static final ChatRequest HELLO = ChatRequest.of(Message.user("Say hello there!"));
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxRetries(2)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(20))
            .build();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicChatModel model(OkHttpClient okHttp) {
        return AnthropicChatModel.builder(Recorded.config(server)
                        .retryPolicy(FAST)
                        .okHttpClient(okHttp)
                        .build())
                .model("claude-sonnet-4-5")
                .build();
    }

    private static MockResponse rateLimited() {
        return RecordedExchange.load(RATE_LIMITED).get(0).mockResponse();
    }

    @Test
    void retriesTheRecordedRateLimitBeforeTheStreamsFirstEvent() throws InterruptedException {
        server.enqueue(rateLimited());
        server.enqueue(Recorded.stream(Recorded.text(BASIC)));
        Collector collector = new Collector();

        model(new OkHttpClient()).stream(HELLO, collector);

        assertThat(collector.awaitResponse().text()).isEqualTo("Hello there!");
        assertThat(collector.texts).containsExactly("Hello", " there", "!");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRetryAStreamThatBreaksAfterItsFirstEventSoNoTextRepeats() throws InterruptedException {
        String basic = Recorded.text(BASIC);
        String upToFirstText = basic.substring(0, basic.indexOf("\n\n", basic.indexOf("text_delta")) + 2);
        server.enqueue(stream(chunk(upToFirstText), disconnect()));
        server.enqueue(Recorded.stream(basic));
        Collector collector = new Collector();

        model(new OkHttpClient()).stream(HELLO, collector);

        LadderException error = collector.awaitError();
        assertThat(error)
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("connection to " + server.url("/v1/messages") + " broke while reading");
        assertThat(collector.texts).containsExactly("Hello");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRequestsMaxRetriesOverridesTheClientsPolicy() {
        server.enqueue(rateLimited());
        server.enqueue(Recorded.stream(Recorded.text(BASIC)));

        assertThatThrownBy(() -> model(new OkHttpClient())
                        .chat(HELLO.toBuilder().maxRetries(0).build()))
                .isInstanceOf(RateLimitException.class)
                .hasMessageContaining("Anthropic said: This request would exceed your organization's rate limit");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancellingChatAsyncAbortsTheCallAndFreesTheConnection() throws Exception {
        OkHttpClient okHttp = new OkHttpClient();
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        CompletableFuture<ChatResponse> future = model(okHttp).chatAsync(HELLO);
        server.takeRequest(5, TimeUnit.SECONDS);
        future.cancel(true);

        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((okHttp.dispatcher().runningCallsCount() > 0
                        || okHttp.connectionPool().connectionCount() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
        assertThat(okHttp.connectionPool().connectionCount()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void completesChatAsyncWithTheAssembledAnswer() throws Exception {
        server.enqueue(Recorded.stream(Recorded.text(BASIC)));

        ChatResponse response = model(new OkHttpClient()).chatAsync(HELLO).get(10, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo("Hello there!");
        assertThat(response.usage().outputTokens()).isEqualTo(6);
    }
}
