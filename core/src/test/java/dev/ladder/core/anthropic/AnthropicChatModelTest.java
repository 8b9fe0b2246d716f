package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.ImagePart;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.ServerException;
import dev.ladder.core.TextPart;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolChoice;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest {
    private static final ChatRequest HELLO = ChatRequest.of(Message.user("Hello"));
    /** The error body Anthropic documents for an overloaded service. */
    private static final String OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

    private static final String BASIC = "lib/streaming/fixtures/basic_response.txt";
    private static final String TOOL_LOOP =
            "lib/tools/__inline_snapshot__/test_runners/TestSyncRunTools/10e53c1d-51be-4c64-b5bf-99adb3fa4719.json";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheKeyInXApiKeyWithTheApiVersion() throws Exception {
        RecordedRequest sent = send(HELLO);

        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(Recorded.KEY);
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
    }

    @Test
    void sendsTheDefaultMaxTokensWhenTheRequestSetsNone() throws Exception {
        assertThat(body(send(HELLO))).containsEntry("max_tokens", 4096.0);
    }

    @Test
    void sendsTheRequestsMaxOutputTokensOverTheClientsDefault() throws Exception {
        ChatRequest request = HELLO.toBuilder().maxOutputTokens(300).build();

        assertThat(body(send(request))).containsEntry("max_tokens", 300.0);
    }

    @Test
    void joinsSystemMessagesIntoTheSystemPrompt() throws Exception {
        ChatRequest request = ChatRequest.of(
                Message.system("You are terse."), Message.user("Hello"), Message.system("Answer in French."));

        Map<String, Object> body = body(send(request));

        assertThat(body).containsEntry("system", "You are terse.\n\nAnswer in French.");
        assertThat(body.get("messages")).isEqualTo(List.of(Map.of("role", "user", "content", "Hello")));
    }

    @Test
    void sendsInlineImagesAsBase64AndOthersAsUrls() throws Exception {
        ChatRequest request = ChatRequest.of(Message.user(
                new TextPart("Compare these."),
                ImagePart.fromBytes(new byte[] {1, 2, 3}, "image/png"),
                ImagePart.fromUrl("https://example.com/cat.jpg")));

        Object content = message(body(send(request)), 0).get("content");

        assertThat(content)
                .isEqualTo(List.of(
                        Map.of("type", "text", "text", "Compare these."),
                        Map.of(
                                "type",
                                "image",
                                "source",
                                Map.of("type", "base64", "media_type", "image/png", "data", "AQID")),
                        Map.of(
                                "type",
                                "image",
                                "source",
                                Map.of("type", "url", "url", "https://example.com/cat.jpg"))));
    }

    @Test
    void putsConsecutiveToolResultsIntoOneUserTurn() throws Exception {
        AssistantMessage calls = new AssistantMessage(
                null,
                null,
                List.of(new ToolCall("t1", "weather", "{\"city\":\"SF\"}"), new ToolCall("t2", "weather", "{}")));
        ChatRequest request = ChatRequest.of(
                Message.user("Weather?"),
                calls,
                Message.toolResult("t1", "20C"),
                new ToolResultMessage("t2", "no city given", true));

        Map<String, Object> body = body(send(request));

        assertThat(message(body, 1).get("content"))
                .isEqualTo(List.of(
                        Map.of("type", "tool_use", "id", "t1", "name", "weather", "input", Map.of("city", "SF")),
                        Map.of("type", "tool_use", "id", "t2", "name", "weather", "input", Map.of())));
        assertThat(message(body, 2))
                .isEqualTo(Map.of(
                        "role",
                        "user",
                        "content",
                        List.of(
                                Map.of("type", "tool_result", "tool_use_id", "t1", "content", "20C"),
                                Map.of(
                                        "type",
                                        "tool_result",
                                        "tool_use_id",
                                        "t2",
                                        "content",
                                        "no city given",
                                        "is_error",
                                        true))));
    }

    @Test
    void requiredToolChoiceIsAnyAndNoParallelCallsIsSentInsideIt() throws Exception {
        ChatRequest request = HELLO.toBuilder()
                .tools(List.of(Tool.of("lookup", "Looks things up.", Map.of("type", "object"))))
                .toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(false)
                .build();

        assertThat(body(send(request)))
                .containsEntry("tool_choice", Map.of("type", "any", "disable_parallel_tool_use", true));
    }

    @Test
    void namedToolChoiceNamesTheTool() throws Exception {
        ChatRequest request = HELLO.toBuilder()
                .tools(List.of(Tool.of("lookup", "", Map.of("type", "object"))))
                .toolChoice(ToolChoice.tool("lookup"))
                .build();

        assertThat(body(send(request))).containsEntry("tool_choice", Map.of("type", "tool", "name", "lookup"));
    }

    @Test
    void extraBodyFieldsReplaceLadderFields() throws Exception {
        ChatRequest request = HELLO.toBuilder()
                .extraBody("max_tokens", 17)
                .extraBody("metadata", Map.of("user_id", "u-1"))
                .build();

        Map<String, Object> body = body(send(request));

        assertThat(body).containsEntry("max_tokens", 17.0).containsEntry("metadata", Map.of("user_id", "u-1"));
    }

    @Test
    void rejectsSeveralChoices() {
        ChatRequest request = HELLO.toBuilder().choices(2).build();

        assertThatThrownBy(() -> Recorded.model(server).chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Anthropic returns one choice per request, but 2 were asked for:"
                        + " leave choices unset and send several requests");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsTheJsonObjectResponseFormat() {
        ChatRequest request =
                HELLO.toBuilder().responseFormat(ResponseFormat.jsonObject()).build();

        assertThatThrownBy(() -> Recorded.model(server).chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Anthropic has no JSON-object mode: use ResponseFormat.jsonSchema(..) with a schema,"
                        + " or ask for JSON in the prompt");
    }

    @Test
    void rejectsToolCallArgumentsThatAreNotAJsonObject() {
        ChatRequest request = ChatRequest.of(
                Message.user("Hi"), new AssistantMessage(null, null, List.of(new ToolCall("t1", "f", "[1]"))));

        assertThatThrownBy(() -> Recorded.model(server).chat(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arguments of tool call 't1' (f) are not a JSON object: [1]: Anthropic needs the input"
                        + " as an object; pass the call back as the model wrote it");
    }

    @Test
    void rejectsARequestWithoutAModelWhenTheClientHasNone() {
        AnthropicChatModel model =
                AnthropicChatModel.builder(Recorded.config(server).build()).build();

        assertThatThrownBy(() -> model.chat(HELLO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no model given: set one on the request or with AnthropicChatModel.Builder.model(..)");
    }

    @Test
    void overloadedIsARetriableServerExceptionCarryingTheApiError() {
        server.enqueue(Recorded.json(529, OVERLOADED));

        assertThatThrownBy(() -> Recorded.model(server).chat(HELLO))
                .isInstanceOf(ServerException.class)
                .hasMessage("the service is overloaded for model 'claude-sonnet-4-5' at " + server.url("/v1/messages")
                        + " (HTTP 529, overloaded_error): retry later; Anthropic said: Overloaded")
                .satisfies(e -> assertThat(((LadderException) e).retriable()).isTrue());
    }

    @Test
    void retriesAnOverloadedServiceAndThenAnswers() {
        server.enqueue(Recorded.json(529, OVERLOADED));
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(1);
        server.enqueue(exchange.mockResponse());
        RetryPolicy fast = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2))
                .build();
        AnthropicChatModel model = AnthropicChatModel.builder(
                        Recorded.config(server).retryPolicy(fast).build())
                .build();

        ChatResponse response = model.chat(exchange.chatRequest());

        assertThat(response.text()).startsWith("I apologize, but I'm getting an error");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void errorEventMidStreamEndsItWithTheMappedException() throws InterruptedException {
        String basic = Recorded.text(BASIC);
        String cut = basic.substring(0, basic.indexOf("event: content_block_stop"));
        server.enqueue(Recorded.rawStream(cut + "event: error\ndata: " + OVERLOADED + "\n\n"));
        Collector collector = new Collector();

        Recorded.model(server).stream(HELLO, collector);

        LadderException error = collector.awaitError();
        assertThat(collector.texts).containsExactly("Hello", " there", "!");
        assertThat(error).isInstanceOf(ServerException.class);
        assertThat(((ServerException) error).errorType()).isEqualTo("overloaded_error");
        assertThat(error.retriable()).isTrue();
        assertThat(error.getMessage())
                .endsWith("(HTTP 529, overloaded_error): retry later; Anthropic said: Overloaded");
    }

    @Test
    void streamCutBeforeMessageStopFailsAsMalformed() throws InterruptedException {
        String basic = Recorded.text(BASIC);
        server.enqueue(Recorded.rawStream(basic.substring(0, basic.indexOf("event: message_stop"))));
        Collector collector = new Collector();

        Recorded.model(server).stream(HELLO, collector);

        assertThat(collector.awaitError())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("the stream from " + server.url("/v1/messages")
                        + " ended before its message_stop event: the connection was cut or the server stopped"
                        + " early; retry the call");
    }

    @Test
    void chatKeepsTheResponseBodyAsRaw() {
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(1);
        server.enqueue(exchange.mockResponse());

        ChatResponse response = Recorded.model(server).chat(exchange.chatRequest());

        assertThat(RecordedExchange.parse(response.raw()))
                .isEqualTo(exchange.response().get("body"));
    }

    @Test
    void mapsStopReasonsKeepingUnknownOnesAsOther() {
        assertThat(MessageAssembly.finishReason("stop_sequence")).isEqualTo(FinishReason.STOP);
        assertThat(MessageAssembly.finishReason("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(MessageAssembly.finishReason("max_tokens")).isEqualTo(FinishReason.LENGTH);
        assertThat(MessageAssembly.finishReason("tool_use")).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(MessageAssembly.finishReason("refusal")).isEqualTo(FinishReason.REFUSAL);
        assertThat(MessageAssembly.finishReason("pause_turn")).isEqualTo(FinishReason.OTHER);
    }

    @Test
    void readsKeyAndBaseUrlFromTheEnvironment() throws Exception {
        Map<String, String> environment = Map.of(
                "ANTHROPIC_API_KEY",
                "sk-ant-env",
                "ANTHROPIC_BASE_URL",
                server.url("/").toString());
        server.enqueue(Recorded.stream(Recorded.text(BASIC)));
        AnthropicChatModel model = AnthropicChatModel.fromEnv(environment)
                .model("claude-sonnet-4-5")
                .build();

        Collector collector = new Collector();
        model.stream(HELLO, collector);
        collector.awaitResponse();

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("x-api-key"))
                .isEqualTo("sk-ant-env");
    }

    @Test
    void failsWithoutAnApiKeyInTheEnvironment() {
        Map<String, String> environment = Map.of();

        assertThatThrownBy(() -> AnthropicChatModel.fromEnv(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ANTHROPIC_API_KEY is not set: export it, or pass a ClientConfig with apiKey(..)"
                        + " to builder(..)");
    }

    @Test
    void neverShowsTheKeyInToString() {
        assertThat(Recorded.model(server).toString()).doesNotContain(Recorded.KEY);
    }

    private RecordedRequest send(ChatRequest request) throws InterruptedException {
        server.enqueue(Recorded.stream(Recorded.text(BASIC)));
        Collector collector = new Collector();
        Recorded.model(server).stream(request, collector);
        collector.awaitResponse();
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private static Map<String, Object> body(RecordedRequest sent) {
        return RecordedExchange.map(RecordedExchange.parse(sent.getBody().utf8()));
    }

    private static Map<String, Object> message(Map<String, Object> body, int index) {
        return RecordedExchange.map(((List<?>) body.get("messages")).get(index));
    }
}
