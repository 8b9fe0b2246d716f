package dev.ladder.core.http;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.ByteString;

/** A minimal provider for transport tests: bodies {@code {"text": ...}}, errors {@code {"error": {...}}}. */
final class TestProvider {
    static final String KEY = "sk-test-0123456789abcdef";
    static final ProviderProfile PROFILE =
            new ProviderProfile("Test", AuthScheme.bearer(), TestProvider::parseError, "set TEST_API_KEY");
    static final ResponseParser<String> TEXT = TestProvider::text;

    private TestProvider() {}

    static RetryPolicy fastRetries(int maxRetries) {
        return RetryPolicy.builder()
                .maxRetries(maxRetries)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .build();
    }

    static ClientConfig.Builder config(MockWebServer server) {
        return ClientConfig.builder(server.url("/v1").toString())
                .apiKey(KEY)
                .retryPolicy(fastRetries(2))
                .readTimeout(Duration.ofSeconds(5));
    }

    static HttpTransport transport(ClientConfig.Builder config) {
        return HttpTransport.create(config.build(), PROFILE);
    }

    static HttpCall post(HttpTransport transport) {
        return transport
                .post("test", out -> out.beginObject().name("q").value(1).endObject())
                .operation("test")
                .model("m-1")
                .build();
    }

    static String text(Buffer body) throws IOException {
        JsonReader reader = JsonReader.of(body);
        reader.beginObject();
        String text = null;
        while (reader.hasNext()) {
            if (reader.nextName().equals("text")) {
                text = reader.nextString();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return text;
    }

    static ProviderError parseError(String body) {
        try {
            Object tree = JsonReader.of(new Buffer().writeUtf8(body)).readJsonValue();
            if (tree instanceof Map<?, ?> root && root.get("error") instanceof Map<?, ?> error) {
                return new ProviderError((String) error.get("message"), (String) error.get("type"), null);
            }
        } catch (IOException | RuntimeException e) {
            return ProviderError.UNKNOWN;
        }
        return ProviderError.UNKNOWN;
    }

    /** Collects a stream's events; completes with them when the stream ended with {@code [DONE]}. */
    static class Collector implements SseHandler {
        private static final ByteString DONE = ByteString.encodeUtf8("[DONE]");

        final List<String> events = new ArrayList<>();
        final CompletableFuture<List<String>> result = new CompletableFuture<>();
        private boolean done;

        @Override
        public void onEvent(SseEvent event) throws IOException {
            if (event.dataEquals(DONE)) {
                done = true;
            } else {
                events.add(event.dataUtf8());
            }
        }

        @Override
        public void onEnd() {
            if (!done) {
                throw new MalformedResponseException("stream ended before [DONE] after " + events.size() + " events");
            }
            result.complete(events);
        }

        @Override
        public void onError(LadderException error) {
            result.completeExceptionally(error);
        }
    }
}
