package dev.ladder.core.http;

import static dev.ladder.core.http.ScriptedBody.await;
import static dev.ladder.core.http.ScriptedBody.chunk;
import static dev.ladder.core.http.ScriptedBody.disconnect;
import static dev.ladder.core.http.ScriptedBody.end;
import static dev.ladder.core.http.ScriptedBody.stream;
import static dev.ladder.core.http.TestProvider.config;
import static dev.ladder.core.http.TestProvider.transport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.CallTimeoutException;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.MalformedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams against a server that fails before, during and after the first event; each case counts requests. */
class StreamFaultMatrixTest {
    private static final String ONE = "data: {\"n\":1}\n\n";
    private static final String TWO = "data: {\"n\":2}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpTransport transport;
    private String url;

    @BeforeEach
    void start() throws Exception {
        server.start();
        url = server.url("/v1/test").toString();
        transport = transport(config(server));
    }

    /** Uses a stream idle timeout of 300 ms; other tests keep a long one, so a slow machine can't trip it. */
    private void shortIdleTimeout(RetryPolicy retries) {
        transport = transport(
                config(server).streamIdleTimeout(Duration.ofMillis(300)).retryPolicy(retries));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private TestProvider.Collector openStream() {
        TestProvider.Collector collector = new TestProvider.Collector();
        HttpCall call = transport
                .post("test", out -> out.beginObject().endObject())
                .streaming(true)
                .build();
        transport.stream(call, collector);
        return collector;
    }

    private static List<String> result(TestProvider.Collector collector) throws Exception {
        return collector.result.get(10, TimeUnit.SECONDS);
    }

    private static ThrowableAssert.ThrowingCallable join(TestProvider.Collector collector) {
        return () -> collector.result.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void deliversEveryEventOfACompleteStream() throws Exception {
        server.enqueue(stream(chunk(ONE), chunk(TWO), chunk(DONE), end()));

        assertThat(result(openStream())).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesADisconnectBeforeTheResponse() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(stream(chunk(ONE), chunk(DONE), end()));

        assertThat(result(openStream())).containsExactly("{\"n\":1}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAServerErrorBeforeTheFirstEvent() throws Exception {
        server.enqueue(TransportFaultMatrixTest.json(503, "{}"));
        server.enqueue(stream(chunk(ONE), chunk(DONE), end()));

        assertThat(result(openStream())).containsExactly("{\"n\":1}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesARateLimitBeforeTheFirstEvent() throws Exception {
        server.enqueue(TransportFaultMatrixTest.json(429, "{}")
                .newBuilder()
                .setHeader("retry-after-ms", "10")
                .build());
        server.enqueue(stream(chunk(ONE), chunk(DONE), end()));

        assertThat(result(openStream())).containsExactly("{\"n\":1}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRetryADisconnectAfterTheFirstEvent() {
        server.enqueue(stream(chunk(ONE), chunk(TWO), disconnect()));
        server.enqueue(stream(chunk(ONE), chunk(DONE), end()));
        TestProvider.Collector collector = openStream();

        assertThatThrownByJoin(collector)
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("connection to " + url + " broke while reading the response");
        assertThat(collector.events).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsATruncatedStreamWithoutRetrying() {
        server.enqueue(stream(chunk(ONE), chunk("data: {\"n\""), end()));
        TestProvider.Collector collector = openStream();

        assertThatThrownByJoin(collector)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("stream ended before [DONE] after 1 events");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsAStreamThatStallsAfterItsFirstEvent() {
        shortIdleTimeout(TestProvider.fastRetries(2));
        server.enqueue(stream(chunk(ONE), await(release)));
        TestProvider.Collector collector = openStream();

        assertThatThrownByJoin(collector)
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("stream from " + url + " sent no event for 300 ms (stream idle timeout): raise"
                        + " streamIdleTimeout or check the server");
        assertThat(collector.events).containsExactly("{\"n\":1}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAStreamThatStallsBeforeItsFirstEvent() throws Exception {
        shortIdleTimeout(TestProvider.fastRetries(2));
        server.enqueue(stream(chunk(": waiting\n\n"), await(release)));
        server.enqueue(stream(chunk(ONE), chunk(DONE), end()));

        assertThat(result(openStream())).containsExactly("{\"n\":1}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsTheRetrysOwnTimeoutAfterAnIdleStreamWasRetried() {
        transport = transport(config(server)
                .streamIdleTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofMillis(1500))
                .retryPolicy(TestProvider.fastRetries(1)));
        server.enqueue(stream(chunk(": waiting\n\n"), await(release)));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        assertThatThrownByJoin(openStream())
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("no data from " + url + " for 1500 ms (read timeout): raise readTimeout or retry later");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsWhenTheServerAnswersJsonInsteadOfAStream() {
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"not streamed\"}"));

        assertThatThrownByJoin(openStream())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("expected an event stream from " + url + " (HTTP 200) but got application/json:"
                        + " {\"text\":\"not streamed\"}: check the base URL and that the server streams");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsWhenAnEventIsMalformed() {
        server.enqueue(stream(chunk(ONE), chunk("data: {\"n\":\n\n"), chunk(DONE), end()));
        TestProvider.Collector collector = new TestProvider.Collector() {
            @Override
            public void onEvent(SseEvent event) throws IOException {
                event.json().readJsonValue();
            }
        };
        transport.stream(
                transport.post("test", out -> out.beginObject().endObject()).build(), collector);

        assertThatThrownByJoin(collector)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("malformed event 2 from " + url + ": ");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatThrownByJoin(
            TestProvider.Collector collector) {
        return org.assertj.core.api.Assertions.assertThatThrownBy(join(collector))
                .isInstanceOf(CompletionException.class)
                .cause();
    }
}
