package dev.ladder.peft.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ServiceException;
import dev.ladder.peft.testing.ErrorMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Every Together endpoint maps 400, 401, 403, 404, 409, 422, 429 and 500 to core's typed exceptions. */
class TogetherErrorMatrixTest {
    private static final Map<String, Consumer<Fixture>> ENDPOINTS = endpoints();
    private static final String JOB = "ft-01234567890123456789";

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        server.start();
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, "{}\n");
        fixture = new Fixture(TogetherServer.client(server), file);
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
        server.enqueue(error(status));

        assertThatThrownBy(() -> ENDPOINTS.get(endpoint).accept(fixture))
                .isExactlyInstanceOf(ErrorMatrix.EXPECTED.get(status))
                .satisfies(e -> {
                    ServiceException service = (ServiceException) e;
                    assertThat(service.status()).isEqualTo(status);
                    assertThat(service.errorType()).isEqualTo("invalid_request_error");
                    assertThat(service.getMessage()).contains("Together said: failure " + status);
                });
        ErrorMatrix.assertRouted(server.takeRequest(), endpoint);
    }

    @Test
    void readsTheMessageOfATopLevelErrorBody() {
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .body("{\"message\": \"Model not found or not supported for fine-tuning\"}")
                .build());

        assertThatThrownBy(() -> fixture.client().retrieve(JOB))
                .hasMessage("nothing found at " + server.url("/v1/fine-tunes/" + JOB) + " (HTTP 404): check the base"
                        + " URL; Together said: Model not found or not supported for fine-tuning");
    }

    private static MockResponse error(int status) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\": {\"message\": \"failure " + status + "\", \"type\": \"invalid_request_error\","
                        + " \"param\": null, \"code\": null}}")
                .build();
    }

    private static Map<String, Consumer<Fixture>> endpoints() {
        TogetherJobRequest request = TogetherJobRequest.builder(
                        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "file-1")
                .build();
        Map<String, Consumer<Fixture>> map = new LinkedHashMap<>();
        map.put("POST /files/upload", f -> f.client().upload(f.file()));
        map.put("GET /files", f -> f.client().files().iterator().hasNext());
        map.put("GET /files/{id}", f -> f.client().file("file-1"));
        map.put("DELETE /files/{id}", f -> f.client().deleteFile("file-1"));
        map.put("GET /files/{id}/content", f -> f.client().content("file-1"));
        map.put("POST /fine-tunes", f -> f.client().create(request));
        map.put("POST /fine-tunes/estimate-price", f -> f.client().estimatePrice(request));
        map.put("GET /fine-tunes", f -> f.client().jobs().iterator().hasNext());
        map.put("GET /fine-tunes/{id}", f -> f.client().retrieve(JOB));
        map.put("POST /fine-tunes/{id}/cancel", f -> f.client().cancel(JOB));
        map.put("DELETE /fine-tunes/{id}", f -> f.client().delete(JOB));
        map.put(
                "GET /fine-tunes/{id}/events",
                f -> f.client().events(JOB).iterator().hasNext());
        map.put(
                "GET /fine-tunes/{id}/checkpoints",
                f -> f.client().checkpoints(JOB).iterator().hasNext());
        map.put("GET /fine-tunes/{id}/metrics", f -> f.client().metrics(JOB));
        return map;
    }

    private record Fixture(TogetherFineTuning client, Path file) {}
}
