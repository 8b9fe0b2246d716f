package dev.ladder.core.http;

import static dev.ladder.core.http.ScriptedBody.await;
import static dev.ladder.core.http.ScriptedBody.chunk;
import static dev.ladder.core.http.ScriptedBody.end;
import static dev.ladder.core.http.ScriptedBody.stream;
import static dev.ladder.core.http.TestProvider.KEY;
import static dev.ladder.core.http.TestProvider.config;
import static dev.ladder.core.http.TestProvider.post;
import static dev.ladder.core.http.TestProvider.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.Usage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportFeaturesTest {
    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private CallListener recorder() {
        return new CallListener() {
            @Override
            public void onRequest(CallInfo call, int attempt) {
                events.add("request " + attempt);
            }

            @Override
            public void onResponse(CallInfo call, int attempt, int status, Duration latency) {
                events.add("response " + attempt + " " + status);
            }

            @Override
            public void onRetry(CallInfo call, int attempt, Duration delay, LadderException cause) {
                events.add("retry " + attempt + " " + cause.getClass().getSimpleName());
            }

            @Override
            public void onUsage(CallInfo call, Usage usage) {
                events.add("usage " + usage.totalTokens());
            }

            @Override
            public void onComplete(CallInfo call, Duration latency) {
                events.add("complete " + call.operation() + " " + call.model());
            }

            @Override
            public void onError(CallInfo call, LadderException error, Duration latency) {
                events.add("error " + error.getClass().getSimpleName());
            }
        };
    }

    @Test
    void notifiesListenersOfEveryStepInOrder() {
        HttpTransport transport = transport(config(server).addListener(recorder()));
        server.enqueue(TransportFaultMatrixTest.json(503, "{}"));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));
        HttpCall call = post(transport);

        transport.execute(call, body -> {
            transport.reportUsage(call, new Usage(3, 4, 0, 0));
            return TestProvider.text(body);
        });

        assertThat(events)
                .containsExactly(
                        "request 1",
                        "response 1 503",
                        "retry 1 ServerException",
                        "request 2",
                        "response 2 200",
                        "usage 7",
                        "complete test m-1");
    }

    @Test
    void notifiesListenersOfTheFinalError() {
        HttpTransport transport =
                transport(config(server).addListener(recorder()).retryPolicy(RetryPolicy.none()));
        server.enqueue(TransportFaultMatrixTest.json(404, "{}"));

        assertThatThrownBy(() -> transport.execute(post(transport), TestProvider.TEXT));

        assertThat(events).containsExactly("request 1", "response 1 404", "error NotFoundException");
    }

    @Test
    void ignoresAListenerThatThrows() {
        CallListener broken = new CallListener() {
            @Override
            public void onRequest(CallInfo call, int attempt) {
                throw new IllegalStateException("listener bug");
            }
        };
        HttpTransport transport = transport(config(server).addListener(broken).addListener(recorder()));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));

        String log = captureStandardError(() -> assertThat(transport.execute(post(transport), TestProvider.TEXT))
                .isEqualTo("ok"));

        assertThat(events).contains("request 1", "complete test m-1");
        assertThat(log)
                .contains("WARN dev.ladder.core.http.Listeners - listener " + broken + " threw from onRequest for POST "
                        + server.url("/v1/test") + "; ignored")
                .contains("java.lang.IllegalStateException: listener bug");
    }

    @Test
    void sendsTheKeyClientHeadersAndCallHeadersWithCallHeadersWinning() throws Exception {
        HttpTransport transport = transport(config(server)
                .header("X-Team", "search")
                .header("X-Trace", "client")
                .queryParameter("api-version", "2024-10-21"));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));
        HttpCall call = transport
                .post("test", out -> out.beginObject().endObject())
                .header("X-Trace", "call")
                .build();

        transport.execute(call, TestProvider.TEXT);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("X-Team")).isEqualTo("search");
        assertThat(request.getHeaders().get("X-Trace")).isEqualTo("call");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/test");
        assertThat(call.info().url()).isEqualTo(server.url("/v1/test").toString());
    }

    @Test
    void putSendsItsJsonBodyToThePathUnderTheBaseUrl() throws Exception {
        HttpTransport transport = transport(config(server));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"created\"}"));

        String text = transport.execute(
                transport
                        .put(
                                "items/one",
                                out -> out.beginObject().name("n").value(1).endObject())
                        .build(),
                TestProvider.TEXT);

        RecordedRequest request = server.takeRequest();
        assertThat(text).isEqualTo("created");
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/items/one");
        assertThat(request.getBody().utf8()).isEqualTo("{\"n\":1}");
    }

    @Test
    void sendsTheKeyInTheHeaderTheProviderNames() throws Exception {
        ProviderProfile anthropicLike =
                new ProviderProfile("Other", AuthScheme.header("x-api-key"), body -> ProviderError.UNKNOWN, "-");
        HttpTransport transport = HttpTransport.create(config(server).build(), anthropicLike);
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));

        transport.execute(post(transport), TestProvider.TEXT);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void keepsTheKeyOutOfMessagesAndBodiesThatEchoIt() {
        HttpTransport transport = transport(config(server));
        server.enqueue(TransportFaultMatrixTest.json(
                401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"auth\"}}"));

        assertThatThrownBy(() -> transport.execute(post(transport), TestProvider.TEXT))
                .isInstanceOfSatisfying(
                        AuthenticationException.class, e -> assertThat(e.body()).doesNotContain(KEY))
                .hasMessage("authentication failed for model 'm-1' at " + server.url("/v1/test")
                        + " (HTTP 401, auth): check the API key (set TEST_API_KEY); Test said: Incorrect API key"
                        + " provided: [redacted].");
    }

    @Test
    void keepsTheKeyOutOfToString() {
        ClientConfig config = config(server).build();

        assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=ApiKey[redacted]");
        assertThat(config.apiKey().orElseThrow().toString()).isEqualTo("ApiKey[redacted]");
    }

    @Test
    void logsTheWireWithSecretHeadersRedacted() {
        HttpTransport transport = transport(config(server).wireLogging(true).header("api-key", KEY));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));

        String log = captureStandardError(() -> transport.execute(post(transport), TestProvider.TEXT));

        assertThat(log)
                .contains("--> POST " + server.url("/v1/test"))
                .contains("Authorization: [redacted]")
                .contains("api-key: [redacted]")
                .contains("{\"q\":1}")
                .contains("<-- 200 " + server.url("/v1/test"))
                .contains("{\"text\":\"ok\"}")
                .doesNotContain(KEY);
    }

    @Test
    void redactsTheXApiKeyHeaderInTheWireLog() {
        ProviderProfile anthropicLike =
                new ProviderProfile("Other", AuthScheme.header("x-api-key"), body -> ProviderError.UNKNOWN, "-");
        HttpTransport transport =
                HttpTransport.create(config(server).wireLogging(true).build(), anthropicLike);
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));

        String log = captureStandardError(() -> transport.execute(post(transport), TestProvider.TEXT));

        assertThat(log).contains("x-api-key: [redacted]").doesNotContain(KEY);
    }

    @Test
    void keepsTheKeyOutOfTheWireLogOfAStreamThatEchoesIt() throws Exception {
        HttpTransport transport = transport(config(server).wireLogging(true));
        server.enqueue(stream(chunk("data: {\"echo\":\"" + KEY + "\"}\n\n"), chunk("data: [DONE]\n\n"), end()));
        TestProvider.Collector collector = new TestProvider.Collector();

        String log = captureStandardError(() -> {
            transport.stream(post(transport), collector);
            collector.result.orTimeout(5, TimeUnit.SECONDS).join();
        });

        assertThat(collector.result.get()).containsExactly("{\"echo\":\"" + KEY + "\"}");
        assertThat(log)
                .contains("<-- event: message\ndata: {\"echo\":\"[redacted]\"}")
                .doesNotContain(KEY);
    }

    @Test
    void writesNoWireLogUnlessAskedTo() {
        HttpTransport transport = transport(config(server));
        server.enqueue(TransportFaultMatrixTest.json(200, "{\"text\":\"ok\"}"));

        String log = captureStandardError(() -> transport.execute(post(transport), TestProvider.TEXT));

        assertThat(log).doesNotContain("-->");
    }

    @Test
    void cancellingAStreamAbortsTheCallAndFreesTheConnection() throws Exception {
        OkHttpClient okHttp = new OkHttpClient();
        HttpTransport transport = transport(config(server).okHttpClient(okHttp));
        server.enqueue(stream(chunk("data: 1\n\n"), await(release), chunk("data: 2\n\n"), end()));
        CountDownLatch first = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        TestProvider.Collector collector = new TestProvider.Collector() {
            @Override
            public void onEvent(SseEvent event) {
                received.add(event.dataUtf8());
                first.countDown();
            }
        };

        StreamHandle handle = transport.stream(post(transport), collector);
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThat(handle.isDone()).isTrue();
        awaitTrue(() -> transport.okHttp().dispatcher().runningCallsCount() == 0);
        awaitTrue(() -> transport.okHttp().connectionPool().connectionCount() == 0);
        release.countDown();
        Thread.sleep(100);
        assertThat(received).containsExactly("1");
        assertThat(collector.result).isNotDone();
    }

    @Test
    void cancellingAnAsyncCallAbortsIt() throws Exception {
        OkHttpClient okHttp = new OkHttpClient();
        HttpTransport transport = transport(config(server).okHttpClient(okHttp).addListener(recorder()));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        CompletableFuture<String> future = transport.executeAsync(post(transport), TestProvider.TEXT);
        awaitTrue(() -> server.getRequestCount() == 1);
        future.cancel(true);

        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        awaitTrue(() -> transport.okHttp().dispatcher().runningCallsCount() == 0);
        awaitTrue(() -> events.contains("error CancelledException"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sharesOneConnectionPoolAndDispatcherBetweenClients() {
        HttpTransport first = transport(config(server));
        HttpTransport second = transport(config(server).apiKey("sk-other").readTimeout(Duration.ofSeconds(1)));

        assertThat(second.okHttp().connectionPool()).isSameAs(first.okHttp().connectionPool());
        assertThat(second.okHttp().dispatcher()).isSameAs(first.okHttp().dispatcher());
        assertThat(second.okHttp().readTimeoutMillis()).isEqualTo(1000);
    }

    @Test
    void servesManyThreadsSharingOneTransport() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String n = request.getUrl().queryParameter("n");
                return TransportFaultMatrixTest.json(200, "{\"text\":\"" + n + "\"}");
            }
        });
        HttpTransport transport = transport(config(server));
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String n = Integer.toString(i);
            HttpCall call = transport
                    .post("test", out -> out.beginObject().endObject())
                    .queryParameter("n", n)
                    .build();
            results.add(executor.submit(() -> transport.execute(call, TestProvider.TEXT)));
        }

        List<String> answers = new ArrayList<>();
        for (Future<String> result : results) {
            answers.add(result.get(30, TimeUnit.SECONDS));
        }
        executor.shutdown();

        for (int i = 0; i < 200; i++) {
            assertThat(answers.get(i)).isEqualTo(Integer.toString(i));
        }
        assertThat(server.getRequestCount()).isEqualTo(200);
    }

    @Test
    void rejectsAnAbsolutePath() {
        HttpTransport transport = transport(config(server));

        assertThatThrownBy(() -> transport.get("/models"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path '/models' starts with '/': give it relative to the base URL, e.g. chat/completions");
    }

    @Test
    void rejectsABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ClientConfig.builder("localhost:8080/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "base URL 'localhost:8080/v1' is not an http or https URL: use e.g. https://api.openai.com/v1");
    }

    private static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
