package dev.ladder.peft.together;

import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.RetryPolicy;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Builds clients that talk to a MockWebServer with short timeouts and no retries. */
final class TogetherServer {
    private TogetherServer() {}

    static TogetherFineTuning client(MockWebServer server) {
        return TogetherFineTuning.create(ClientConfig.builder(server.url("/v1").toString())
                .apiKey("together-test-key")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.none())
                .build());
    }
}
