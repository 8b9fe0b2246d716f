package dev.ladder.core.http;

import static dev.ladder.core.http.TestProvider.config;
import static dev.ladder.core.http.TestProvider.post;
import static dev.ladder.core.http.TestProvider.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.CallTimeoutException;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServerException;
import dev.ladder.core.ServiceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocking calls against a server that fails in every way the issue lists; each case counts requests. */
class TransportFaultMatrixTest {
    private static final MockResponse OK = json(200, "{\"text\":\"ok\"}");

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
    private HttpTransport transport;
    private String url;

    @BeforeEach
    void start() throws Exception {
        server.start();
        url = server.url("/v1/test").toString();
        transport = transport(recordingRetries());
    }

    /** Returns the test configuration with a listener that records the delay before each retry. */
    private ClientConfig.Builder recordingRetries() {
        return config(server).addListener(new CallListener() {
            @Override
            public void onRetry(CallInfo call, int attempt, Duration delay, LadderException cause) {
                retryDelays.add(delay);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String call() {
        return transport.execute(post(transport), TestProvider.TEXT);
    }

    @Test
    void recoversFromADisconnectBeforeTheResponse() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsWithConnectionExceptionWhenEveryAttemptIsDisconnected() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }

        assertThatThrownBy(this::call)
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("no response from " + url + " (IOException: unexpected end of stream")
                .hasMessageEndingWith("check the base URL and the network");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void recoversFromADisconnectDuringTheBody() {
        server.enqueue(new MockResponse.Builder()
                .body("{\"text\":\"" + "x".repeat(4000) + "\"}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsWithConnectionExceptionWhenTheBodyBreaksOnEveryAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .body("{\"text\":\"" + "x".repeat(4000) + "\"}")
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }

        assertThatThrownBy(this::call)
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("connection to " + url + " broke while reading the response");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void failsWithReadTimeoutWhenTheSocketStalls() {
        transport = transport(config(server).readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        assertThatThrownBy(this::call)
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("no data from " + url + " for 200 ms (read timeout): raise readTimeout or retry later");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAfterAStalledSocket() {
        transport = transport(config(server).readTimeout(Duration.ofSeconds(1)));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsWithConnectTimeoutWhenTheServerNeverAccepts() {
        List<Integer> timeouts = new CopyOnWriteArrayList<>();
        OkHttpClient neverConnects = new OkHttpClient.Builder()
                .socketFactory(new NeverConnectingSockets(timeouts))
                .build();
        transport = transport(recordingRetries()
                .okHttpClient(neverConnects)
                .connectTimeout(Duration.ofMillis(150))
                .retryPolicy(RetryPolicy.none()));

        assertThatThrownBy(this::call)
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("could not connect to " + url
                        + " within 150 ms (connect timeout): check the base URL and the network");
        assertThat(timeouts)
                .isNotEmpty()
                .allSatisfy(timeout -> assertThat(timeout).isEqualTo(150));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void retriesAConnectTimeoutAndThenAnswers() {
        List<Integer> timeouts = new CopyOnWriteArrayList<>();
        SocketFactory firstNeverConnects = new NeverConnectingSockets(timeouts) {
            @Override
            public Socket createSocket() {
                return retryDelays.isEmpty() ? super.createSocket() : new Socket();
            }
        };
        transport = transport(recordingRetries()
                .okHttpClient(new OkHttpClient.Builder()
                        .socketFactory(firstNeverConnects)
                        .build())
                .connectTimeout(Duration.ofMillis(150)));
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(timeouts)
                .isNotEmpty()
                .allSatisfy(timeout -> assertThat(timeout).isEqualTo(150));
        assertThat(retryDelays).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsRetryingWhenTheNextAttemptWouldStartAfterMaxElapsed() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(5)
                .initialBackoff(Duration.ofMillis(300))
                .maxBackoff(Duration.ofMillis(300))
                .maxElapsed(Duration.ofMillis(200))
                .build();
        transport = transport(recordingRetries().retryPolicy(policy));
        server.enqueue(json(503, "{}"));
        server.enqueue(OK);

        assertThatThrownBy(this::call).isInstanceOf(ServerException.class);
        assertThat(retryDelays).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesWithinMaxElapsedWhenTheBackoffFits() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(5)
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(20))
                .jitter(0)
                .maxElapsed(Duration.ofSeconds(5))
                .build();
        transport = transport(recordingRetries().retryPolicy(policy));
        server.enqueue(json(503, "{}"));
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(retryDelays).containsExactly(Duration.ofMillis(20));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAfterRetryAfterSeconds() {
        server.enqueue(
                json(429, "{}").newBuilder().setHeader("Retry-After", "1").build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(retryDelays).containsExactly(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAfterRetryAfterHttpDate() {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(5));
        server.enqueue(
                json(429, "{}").newBuilder().setHeader("Retry-After", past).build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(retryDelays).containsExactly(Duration.ZERO);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAfterRetryAfterMillisecondsInPreferenceToRetryAfter() {
        server.enqueue(json(429, "{}")
                .newBuilder()
                .setHeader("retry-after-ms", "120")
                .setHeader("Retry-After", "30")
                .build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(retryDelays).containsExactly(Duration.ofMillis(120));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRetryWhenRetryAfterExceedsTheTimeBudget() {
        server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                .newBuilder()
                .setHeader("Retry-After", "3600")
                .build());

        assertThatThrownBy(this::call)
                .isInstanceOf(RateLimitException.class)
                .hasMessage("rate limited for model 'm-1' at " + url
                        + " (HTTP 429, requests): retry after 3600 s; Test said: Rate limit reached");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotRetryWhenTheServerSaysShouldNotRetry() {
        server.enqueue(json(429, "{}")
                .newBuilder()
                .setHeader("x-should-retry", "false")
                .build());

        assertThatThrownBy(this::call).isInstanceOf(RateLimitException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAnyStatusWhenTheServerSaysShouldRetry() {
        server.enqueue(
                json(400, "{}").newBuilder().setHeader("x-should-retry", "true").build());
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 529})
    void recoversFromARetriableStatus(int status) {
        server.enqueue(json(status, "{\"error\":{\"message\":\"try again\"}}"));
        server.enqueue(OK);

        assertThat(call()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void doesNotRetryAClientError(int status) {
        server.enqueue(json(status, "{\"error\":{\"message\":\"no\"}}"));

        assertThatThrownBy(this::call)
                .isInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e).status())
                .isEqualTo(status);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "400, InvalidRequestException, false",
        "401, AuthenticationException, false",
        "403, PermissionDeniedException, false",
        "404, NotFoundException, false",
        "408, ServerException, true",
        "409, ConflictException, true",
        "413, InvalidRequestException, false",
        "418, ServiceException, false",
        "422, InvalidRequestException, false",
        "429, RateLimitException, true",
        "500, ServerException, true",
        "503, ServerException, true",
        "529, ServerException, true"
    })
    void mapsEachStatusToItsExceptionTypeCarryingWhatTheServerSent(int status, String type, boolean retriable) {
        transport = transport(config(server).retryPolicy(RetryPolicy.none()));
        server.enqueue(json(status, "{\"error\":{\"message\":\"no\"}}")
                .newBuilder()
                .setHeader("x-request-id", "req_7")
                .build());

        assertThatThrownBy(this::call).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getClass().getSimpleName()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.retriable()).isEqualTo(retriable);
            assertThat(e.body()).isEqualTo("{\"error\":{\"message\":\"no\"}}");
            assertThat(e.requestId()).isEqualTo("req_7");
            assertThat(e.header("content-type")).contains("application/json");
            assertThat(e.getMessage()).contains("model 'm-1'").contains(url);
        });
    }

    @Test
    void failsWithServerExceptionAfterTheLastRetry() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(
                    json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        }

        assertThatThrownBy(this::call)
                .isInstanceOf(ServerException.class)
                .hasMessage("server error for model 'm-1' at " + url
                        + " (HTTP 500, server_error): retry later; Test said: The server had an error");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void failsWithMalformedResponseForInvalidJson() {
        server.enqueue(json(200, "{\"text\": tru"));

        assertThatThrownBy(this::call)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("expected JSON from " + url + " (HTTP 200) but got malformed JSON (")
                .hasMessageEndingWith("): {\"text\": tru: check the base URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsWithMalformedResponseForAnHtmlPageWithStatus200() {
        server.enqueue(html(200, "<!DOCTYPE html><html><body>Welcome to the hotel wifi</body></html>"));

        assertThatThrownBy(this::call)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("expected JSON from " + url + " (HTTP 200) but got an HTML page, likely from a proxy or"
                        + " gateway: <!DOCTYPE html><html><body>Welcome to the hotel wifi</body></html>: check the"
                        + " base URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAnHtmlErrorPageFromAGatewayAndReportsIt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(html(502, "<html><head><title>502 Bad Gateway</title></head></html>"));
        }

        assertThatThrownBy(this::call)
                .isInstanceOf(ServerException.class)
                .hasMessage("server error for model 'm-1' at " + url + " (HTTP 502): retry later; the response was an"
                        + " HTML page, likely from a proxy or gateway: <html><head><title>502 Bad Gateway</title>"
                        + "</head></html>");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void failsWithMalformedResponseForAnEmptyBody() {
        server.enqueue(json(200, ""));

        assertThatThrownBy(this::call)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("empty response body from " + url + " (HTTP 200): expected JSON; check the base URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAnEmptyErrorBody() {
        server.enqueue(json(401, ""));

        assertThatThrownBy(this::call)
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("authentication failed for model 'm-1' at " + url
                        + " (HTTP 401): check the API key (set TEST_API_KEY); the response body was empty");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void honoursAPerCallRetryLimit() {
        server.enqueue(json(500, "{}"));
        HttpCall call = transport
                .post("test", out -> out.beginObject().endObject())
                .maxRetries(0)
                .build();

        assertThatThrownBy(() -> transport.execute(call, TestProvider.TEXT)).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failsWhenThePerCallTimeoutExpires() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        HttpCall call = transport
                .post("test", out -> out.beginObject().endObject())
                .timeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> transport.execute(call, TestProvider.TEXT))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessage("call to " + url + " timed out after 300 ms (call timeout): raise the timeout or ask for a"
                        + " shorter answer");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rejectsAnInvalidRequestWithTheProvidersExplanation() {
        server.enqueue(json(
                        400,
                        "{\"error\":{\"message\":\"'temperature' is too high\","
                                + "\"type\":\"invalid_request_error\"}}")
                .newBuilder()
                .setHeader("x-request-id", "req_42")
                .build());

        assertThatThrownBy(this::call)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.requestId()).isEqualTo("req_42");
                    assertThat(e.errorType()).isEqualTo("invalid_request_error");
                    assertThat(e.header("X-Request-Id")).contains("req_42");
                })
                .hasMessage("invalid request for model 'm-1' at " + url
                        + " (HTTP 400, invalid_request_error): fix the request; Test said: 'temperature' is too high");
    }

    /**
     * Makes sockets whose connect waits out the timeout it is given and then fails as the JDK does
     * when a server never answers, recording each timeout.
     */
    private static class NeverConnectingSockets extends SocketFactory {
        private final List<Integer> timeouts;

        NeverConnectingSockets(List<Integer> timeouts) {
            this.timeouts = timeouts;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    timeouts.add(timeout);
                    try {
                        Thread.sleep(timeout);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SocketTimeoutException("Connect timed out");
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse html(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "text/html")
                .body(body)
                .build();
    }
}
