package dev.ladder.peft.openai;

import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.RetryPolicy;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Builds clients that talk to a MockWebServer with short timeouts and no retries. */
final class OpenAiServer {
    private OpenAiServer() {}

    static OpenAiFineTuning client(MockWebServer server) {
        return OpenAiFineTuning.create(config(server, RetryPolicy.none()));
    }

    static ClientConfig config(MockWebServer server, RetryPolicy retries) {
        return ClientConfig.builder(server.url("/v1").toString())
                .apiKey("sk-test-key")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .retryPolicy(retries)
                .build();
    }
}
