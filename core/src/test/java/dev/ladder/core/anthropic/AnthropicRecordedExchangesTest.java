package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.ToolCall;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the 18 recorded request/response files of the Anthropic SDK: for every exchange, Ladder
 * must send the recorded body (less the fields it does not model), retry the recorded 429s, and
 * read the recorded answer.
 */
class AnthropicRecordedExchangesTest {
    private static final String PARSE = "lib/_parse/__inline_snapshot__/";
    private static final String RUNNERS = "lib/tools/__inline_snapshot__/test_runners/";

    private final MockWebServer server = new MockWebServer();
    private AnthropicChatModel model;

    @BeforeEach
    void start() throws IOException {
        server.start();
        RetryPolicy fast = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .build();
        model = AnthropicChatModel.builder(
                        Recorded.config(server).retryPolicy(fast).build())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                PARSE + "test_beta_messages/TestAsyncMessages/9381e2b7-7fa1-46f7-9f78-46dc8431ea9d.json",
                PARSE + "test_beta_messages/TestAsyncMessages/d7092a7d-b723-4470-8fb0-da138cd103a1.json",
                PARSE + "test_messages/TestAsyncParse/924cfccc-c863-44ed-9838-c36b37416eaf.json",
                PARSE + "test_messages/TestAsyncParse/d743d628-16aa-4c9f-ae78-51deb578f746.json",
                PARSE + "test_messages/TestAsyncStream/a8b7dbb8-2321-4624-abdb-7ba2136b5c38.json",
                PARSE + "test_messages/TestSyncParse/bd7029d5-d8d4-4e06-be3a-2ac9c60803a6.json",
                PARSE + "test_messages/TestSyncParse/c11eefc7-fff0-4466-8453-42eef73b8876.json",
                RUNNERS + "TestSyncRunTools/092be1de-d3f8-4c22-a4ea-a7ad54689836.json",
                RUNNERS + "TestSyncRunTools/10e53c1d-51be-4c64-b5bf-99adb3fa4719.json",
                RUNNERS + "TestSyncRunTools/32da0815-2270-4d29-87be-3b5b63ab42e2.json",
                RUNNERS + "TestSyncRunTools/555fb399-a54c-455b-9ac5-2c9673f18e12.json",
                RUNNERS + "TestSyncRunTools/771c64ff-a0af-4cd9-8080-a5a539da7cb9.json",
                RUNNERS + "TestSyncRunTools/956fa2fe-8752-4f7c-8f9a-33735e62b898.json",
                RUNNERS + "TestSyncRunTools/a8ac789b-f856-48cd-9ff3-d5f36799e432.json",
                RUNNERS + "TestSyncRunTools/b38bbf6c-9a76-40ca-b09d-7a3911776e0f.json",
                RUNNERS + "TestSyncRunTools/e075a6c2-de4d-4125-9709-f0e178058190.json",
                RUNNERS + "TestSyncRunTools/f59a9391-643b-422c-96dc-1f28bc7ea4d7.json",
                RUNNERS + "__module__/64fe7974-681a-4023-9848-b32ba39c8664.json"
            })
    void replaysEveryExchangeOfTheFile(String path) throws Exception {
        List<RecordedExchange> attempts = new ArrayList<>();
        for (RecordedExchange exchange : RecordedExchange.load(path)) {
            attempts.add(exchange);
            if (exchange.status() == 429) {
                continue;
            }
            replayCall(attempts);
            attempts.clear();
        }
    }

    @Test
    void retriesRecordedRateLimitsAndSendsTheSameRequestEachTime() throws Exception {
        List<RecordedExchange> exchanges =
                RecordedExchange.load(PARSE + "test_messages/TestAsyncParse/d743d628-16aa-4c9f-ae78-51deb578f746.json");
        exchanges.forEach(exchange -> server.enqueue(exchange.mockResponse()));

        ChatResponse response = model.chat(exchanges.get(2).chatRequest());

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(response.text()).startsWith("{\"items\":");
    }

    @Test
    void recordedBadRequestFailsWithTheApiMessage() {
        RecordedExchange exchange = RecordedExchange.load(
                        RUNNERS + "TestSyncRunTools/f59a9391-643b-422c-96dc-1f28bc7ea4d7.json")
                .get(1);
        server.enqueue(exchange.mockResponse());

        assertThatThrownBy(() -> model.chat(exchange.chatRequest()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request for model 'claude-haiku-4-5' at " + server.url("/v1/messages")
                        + " (HTTP 400, invalid_request_error): fix the request; Anthropic said: messages.0.content.1:"
                        + " unexpected `tool_use_id` found in `tool_result` blocks: toolu_01GHndag5wQmbzNihYmV2UBj."
                        + " Each `tool_result` block must have a corresponding `tool_use` block in the previous"
                        + " message.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failedToolResultIsSentWithIsError() throws Exception {
        RecordedExchange exchange = RecordedExchange.load(
                        RUNNERS + "TestSyncRunTools/10e53c1d-51be-4c64-b5bf-99adb3fa4719.json")
                .get(1);
        server.enqueue(exchange.mockResponse());

        model.chat(exchange.chatRequest());

        assertThat(server.takeRequest().getBody().utf8())
                .contains("{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A9HHF5Ezy3oBrKmSgfASm9\","
                        + "\"content\":\"RuntimeError('Unexpected error, try again')\",\"is_error\":true}");
    }

    private void replayCall(List<RecordedExchange> attempts) throws Exception {
        attempts.forEach(attempt -> server.enqueue(attempt.mockResponse()));
        RecordedExchange last = attempts.get(attempts.size() - 1);
        ChatRequest request = last.chatRequest();

        if (last.status() >= 400) {
            assertThatThrownBy(() -> model.chat(request)).isInstanceOf(InvalidRequestException.class);
        } else {
            assertAnswer(last.expectedAnswer(), last.streamed() ? stream(request) : model.chat(request));
        }
        for (RecordedExchange attempt : attempts) {
            RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(RecordedExchange.parse(sent.getBody().utf8()))
                    .as("body sent for %s", attempt.requestBody().get("messages"))
                    .isEqualTo(attempt.expectedBody());
        }
    }

    private ChatResponse stream(ChatRequest request) throws InterruptedException {
        Collector collector = new Collector();
        model.stream(request, collector);
        return collector.awaitResponse();
    }

    private static void assertAnswer(RecordedExchange.Answer expected, ChatResponse response) {
        assertThat(response.message().text()).isEqualTo(expected.text());
        assertThat(response.choices().get(0).rawFinishReason()).isEqualTo(expected.stopReason());
        assertThat(response.usage()).isEqualTo(expected.usage());
        List<ToolCall> calls = response.message().toolCalls();
        assertThat(calls).hasSameSizeAs(expected.toolCalls());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall want = expected.toolCalls().get(i);
            assertThat(calls.get(i).id()).isEqualTo(want.id());
            assertThat(calls.get(i).name()).isEqualTo(want.name());
            assertThat(RecordedExchange.parse(calls.get(i).arguments()))
                    .isEqualTo(RecordedExchange.parse(want.arguments()));
        }
    }
}
