package dev.ladder.peft.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServiceException;
import dev.ladder.core.http.RetryPolicy;
import dev.ladder.peft.testing.ErrorMatrix;
import dev.ladder.peft.testing.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every OpenAI endpoint maps 400, 401, 403, 404, 409, 422, 429 and 500 to core's typed exceptions. */
class OpenAiErrorMatrixTest {
    private static final Map<String, Endpoint> ENDPOINTS = endpoints();

    private static final String UPLOAD = "openai-openapi/upload-create.json";
    private static final String PART = "openai-openapi/upload-part.json";
    private static final String CANCELLED = "openai-openapi/upload-cancel.json";

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        server.start();
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, "{}\n");
        fixture = new Fixture(OpenAiServer.client(server), file);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static List<Arguments> cases() {
        return ErrorMatrix.cross(List.copyOf(ENDPOINTS.keySet()));
    }

    @ParameterizedTest(name = "{0} answering HTTP {1}")
    @MethodSource("cases")
    void mapsStatusToTypedException(String endpoint, int status) throws InterruptedException {
        Endpoint call = ENDPOINTS.get(endpoint);
        call.before().forEach(name -> server.enqueue(Payloads.ok(name)));
        server.enqueue(error(status));
        call.after().forEach(name -> server.enqueue(Payloads.ok(name)));

        assertThatThrownBy(() -> call.action().accept(fixture))
                .isExactlyInstanceOf(ErrorMatrix.EXPECTED.get(status))
                .satisfies(e -> {
                    ServiceException service = (ServiceException) e;
                    assertThat(service.status()).isEqualTo(status);
                    assertThat(service.errorType()).isEqualTo("test_error");
                    assertThat(service.requestId()).isEqualTo("req_123");
                    assertThat(service.getMessage()).contains("OpenAI said: failure " + status);
                });
        for (int i = 0; i < call.before().size(); i++) {
            server.takeRequest();
        }
        ErrorMatrix.assertRouted(server.takeRequest(), endpoint);
    }

    @Test
    void namesTheKeyVariableWhenAuthenticationFails() {
        server.enqueue(error(401));

        assertThatThrownBy(() -> fixture.client().retrieve("ftjob-abc123"))
                .hasMessage(
                        "authentication failed at " + server.url("/v1/fine_tuning/jobs/ftjob-abc123") + " (HTTP 401,"
                                + " test_error): check the API key (set OPENAI_API_KEY); OpenAI said: failure 401");
    }

    @Test
    void retriesRateLimitAfterRetryAfter() {
        OpenAiFineTuning retrying = OpenAiFineTuning.create(OpenAiServer.config(
                server,
                RetryPolicy.builder()
                        .maxRetries(1)
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5))
                        .build()));
        server.enqueue(new MockResponse.Builder(error(429))
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(Payloads.ok("openai-openapi/job-retrieve.json"));

        assertThat(retrying.retrieve("ftjob-abc123").id()).isEqualTo("ftjob-abc123");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givesUpOnRateLimitWhenRetriesAreExhausted() {
        server.enqueue(error(429));

        assertThatThrownBy(() -> fixture.client().retrieve("ftjob-abc123")).isInstanceOf(RateLimitException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static MockResponse error(int status) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "req_123")
                .body("{\"error\": {\"message\": \"failure " + status + "\", \"type\": \"test_error\", \"param\": null,"
                        + " \"code\": null}}")
                .build();
    }

    private static Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> map = new LinkedHashMap<>();
        map.put("POST /files", plain(f -> f.client().upload(f.file())));
        map.put("GET /files", plain(f -> f.client().files().iterator().hasNext()));
        map.put("GET /files/{id}", plain(f -> f.client().file("file-abc123")));
        map.put("DELETE /files/{id}", plain(f -> f.client().deleteFile("file-abc123")));
        map.put("GET /files/{id}/content", plain(f -> f.client().content("file-abc123")));
        map.put("POST /uploads", plain(f -> f.client().uploadInParts(f.file(), "fine-tune", 1024)));
        map.put(
                "POST /uploads/{id}/parts",
                new Endpoint(
                        List.of(UPLOAD),
                        f -> f.client().uploadInParts(f.file(), "fine-tune", 1024),
                        List.of(CANCELLED)));
        map.put(
                "POST /uploads/{id}/complete",
                new Endpoint(
                        List.of(UPLOAD, PART),
                        f -> f.client().uploadInParts(f.file(), "fine-tune", 1024),
                        List.of(CANCELLED)));
        map.put("POST /uploads/{id}/cancel", plain(f -> f.client().cancelUpload("upload_abc123")));
        map.put(
                "POST /fine_tuning/jobs",
                plain(f -> f.client()
                        .create(OpenAiJobRequest.builder("gpt-4o-mini", "file-1")
                                .build())));
        map.put("GET /fine_tuning/jobs", plain(f -> f.client().jobs().iterator().hasNext()));
        map.put("GET /fine_tuning/jobs/{id}", plain(f -> f.client().retrieve("ftjob-abc123")));
        map.put("POST /fine_tuning/jobs/{id}/cancel", plain(f -> f.client().cancel("ftjob-abc123")));
        map.put("POST /fine_tuning/jobs/{id}/pause", plain(f -> f.client().pause("ftjob-abc123")));
        map.put("POST /fine_tuning/jobs/{id}/resume", plain(f -> f.client().resume("ftjob-abc123")));
        map.put(
                "GET /fine_tuning/jobs/{id}/events",
                plain(f -> f.client().events("ftjob-abc123").iterator().hasNext()));
        map.put(
                "GET /fine_tuning/jobs/{id}/checkpoints",
                plain(f -> f.client().checkpoints("ftjob-abc123").iterator().hasNext()));
        return map;
    }

    private static Endpoint plain(Consumer<Fixture> action) {
        return new Endpoint(List.of(), action, List.of());
    }

    /** A call, with the successful responses it needs before the failing one and after it. */
    private record Endpoint(List<String> before, Consumer<Fixture> action, List<String> after) {}

    private record Fixture(OpenAiFineTuning client, Path file) {}
}
