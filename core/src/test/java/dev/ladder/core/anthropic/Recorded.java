package dev.ladder.core.anthropic;

import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Loads the payloads recorded from the Anthropic API and serves them from a MockWebServer. */
final class Recorded {
    static final String KEY = "sk-ant-test-0123456789";

    private Recorded() {}

    /** Returns the text of the recorded file at {@code path} under {@code anthropic/tests/}. */
    static String text(String path) {
        String resource = "/anthropic/tests/" + path;
        try (InputStream in = Recorded.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a 200 response streaming {@code events} as {@code text/event-stream}. The SDK stores
     * some streams without the blank line that ends the last event on the wire; it is put back, so
     * the server sends what the API sent.
     */
    static MockResponse stream(String events) {
        String wire = events.stripTrailing() + "\n\n";
        return rawStream(wire);
    }

    /** Returns a 200 response streaming {@code wire} exactly as given. */
    static MockResponse rawStream(String wire) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("content-type", "text/event-stream; charset=utf-8")
                .body(wire)
                .build();
    }

    /** Returns a response with {@code status} and the JSON {@code body}. */
    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("content-type", "application/json")
                .body(body)
                .build();
    }

    /** Returns a client for {@code server} with retries off and model {@code claude-sonnet-4-5}. */
    static AnthropicChatModel model(MockWebServer server) {
        return AnthropicChatModel.builder(
                        config(server).retryPolicy(RetryPolicy.none()).build())
                .model("claude-sonnet-4-5")
                .build();
    }

    /** Returns a configuration for {@code server} with the test key. */
    static ClientConfig.Builder config(MockWebServer server) {
        return ClientConfig.builder(server.url("/").toString()).apiKey(KEY);
    }
}
