package dev.ladder.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.RateLimitException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {
    static final String CHAT_RESPONSE = "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

    private final MockWebServer server = new MockWebServer();
    private String baseUrl;

    @BeforeEach
    void start() throws Exception {
        server.start();
        baseUrl = server.url("/v1").toString();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordedRequest chatWith(OpenAiClient client, ChatRequest request) throws Exception {
        server.enqueue(TestData.jsonResponse(200, CHAT_RESPONSE));
        client.chatModel().chat(request);
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void readsOpenAiSettingsFromTheEnvironment() throws Exception {
        OpenAiClient client = OpenAiClient.builder()
                .fromEnv(Map.of(
                        "OPENAI_API_KEY",
                        TestData.KEY,
                        "OPENAI_BASE_URL",
                        baseUrl,
                        "OPENAI_ORG_ID",
                        "org-1",
                        "OPENAI_PROJECT_ID",
                        "proj-1"))
                .defaultModel("gpt-4o-mini")
                .build();

        RecordedRequest request = chatWith(client, ChatRequest.of(Message.user("Hi")));

        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestData.KEY);
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-1");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj-1");
        assertThat(TestData.object(TestData.tree(request.getBody().utf8()))).containsEntry("model", "gpt-4o-mini");
    }

    @Test
    void addressesAzureDeploymentsFromTheEnvironment() throws Exception {
        OpenAiClient client = OpenAiClient.builder()
                .fromEnv(Map.of(
                        "AZURE_OPENAI_ENDPOINT",
                        server.url("/").toString(),
                        "AZURE_OPENAI_API_KEY",
                        TestData.KEY,
                        "OPENAI_API_VERSION",
                        "2024-06-01"))
                .build();

        RecordedRequest request = chatWith(
                client,
                ChatRequest.builder()
                        .model("my-gpt4o")
                        .addMessage(Message.user("Hi"))
                        .build());

        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/my-gpt4o/chat/completions");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-06-01");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestData.KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(TestData.object(TestData.tree(request.getBody().utf8()))).doesNotContainKey("max_tokens");
    }

    @Test
    void embedsThroughAnAzureDeployment() throws Exception {
        OpenAiClient client = OpenAiClient.builder()
                .azure(server.url("/").toString(), OpenAiClient.DEFAULT_AZURE_API_VERSION)
                .apiKey(TestData.KEY)
                .build();
        server.enqueue(TestData.jsonResponse(200, TestData.text("openai-node/embeddings-float-response.json")));

        client.embedder("embed-deployment").embed("hello");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/embed-deployment/embeddings");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
    }

    @Test
    void usesMaxCompletionTokensForOpenAiItself() {
        OpenAiClient client = OpenAiClient.builder().apiKey(TestData.KEY).build();

        assertThat(client.maxTokensField()).isEqualTo("max_completion_tokens");
    }

    @Test
    void refusesToAddressOpenAiWithoutAKey() {
        OpenAiClient.Builder builder = OpenAiClient.builder().fromEnv(Map.of());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no API key for https://api.openai.com/v1: set OPENAI_API_KEY or call apiKey(..)");
    }

    @Test
    void reachesALocalServerWithoutAKey() throws Exception {
        OpenAiClient client =
                OpenAiClient.builder().baseUrl(baseUrl).defaultModel("llama3.2").build();

        RecordedRequest request = chatWith(client, ChatRequest.of(Message.user("Hi")));

        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusesARequestWithoutAModel() {
        OpenAiChatModel model = OpenAiClient.builder().baseUrl(baseUrl).build().chatModel();

        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no model: set one on the request with ChatRequest.builder().model(..) or on the client"
                        + " with OpenAiClient.builder().defaultModel(..)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sendsTheRequestsExtraHeaders() throws Exception {
        OpenAiClient client =
                OpenAiClient.builder().baseUrl(baseUrl).defaultModel("m").build();

        RecordedRequest request = chatWith(
                client,
                ChatRequest.builder()
                        .addMessage(Message.user("Hi"))
                        .extraHeader("X-Session", "s-1")
                        .build());

        assertThat(request.getHeaders().get("X-Session")).isEqualTo("s-1");
    }

    @Test
    void readsUsageWithCachedTokens() {
        OpenAiClient client =
                OpenAiClient.builder().baseUrl(baseUrl).defaultModel("m").build();
        server.enqueue(TestData.jsonResponse(200, CHAT_RESPONSE));

        ChatResponse response = client.chatModel().chat(ChatRequest.of(Message.user("Hi")));

        assertThat(response.usage()).isEqualTo(new dev.ladder.core.Usage(5, 1, 2, 0));
    }

    @Test
    void namesTheModelUrlAndFixWhenTheModelIsNotFound() {
        OpenAiChatModel model = OpenAiClient.builder()
                .baseUrl(baseUrl)
                .apiKey(TestData.KEY)
                .build()
                .chatModel("gpt-x");
        server.enqueue(TestData.jsonResponse(
                404,
                "{\"error\":{\"message\":\"The model `gpt-x` does not exist or you"
                        + " do not have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"model_not_found\"}}"));

        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.errorType()).isEqualTo("invalid_request_error"))
                .hasMessage("model 'gpt-x' not found at " + baseUrl + "/chat/completions (HTTP 404,"
                        + " invalid_request_error): check the model name; OpenAI said: The model `gpt-x` does not"
                        + " exist or you do not have access to it.");
    }

    @Test
    void readsTheErrorOfACompatibleServerThatSendsAPlainMessage() {
        OpenAiChatModel model = OpenAiClient.builder()
                .baseUrl(baseUrl)
                .retryPolicy(dev.ladder.core.http.RetryPolicy.none())
                .build()
                .chatModel("qwen");
        server.enqueue(TestData.jsonResponse(429, "{\"error\":\"too many requests, slow down\"}"));

        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))))
                .isInstanceOf(RateLimitException.class)
                .hasMessage("rate limited for model 'qwen' at " + baseUrl + "/chat/completions (HTTP 429): slow down"
                        + " or retry later; OpenAI said: too many requests, slow down");
    }

    @Test
    void keepsTheKeyOutOfEveryToStringAndAuthenticationMessage() {
        OpenAiClient client =
                OpenAiClient.builder().baseUrl(baseUrl).apiKey(TestData.KEY).build();
        server.enqueue(TestData.jsonResponse(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + TestData.KEY
                        + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

        assertThat(client.toString()).doesNotContain(TestData.KEY);
        assertThat(client.chatModel("m").toString()).doesNotContain(TestData.KEY);
        assertThatThrownBy(() -> client.chatModel("m").chat(ChatRequest.of(Message.user("Hi"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("authentication failed for model 'm' at " + baseUrl + "/chat/completions (HTTP 401,"
                        + " invalid_request_error): check the API key (set OPENAI_API_KEY or call apiKey(..));"
                        + " OpenAI said: Incorrect API key provided: [redacted].");
    }

    @Test
    void listsTheModelsOfTheSpecsExample() throws Exception {
        Map<String, Object> example =
                TestData.object(TestData.tree(TestData.text("openai-openapi/examples/models__get__0_default.json")));
        server.enqueue(TestData.jsonResponse(200, TestData.json(example.get("response_json_lenient"))));

        List<ModelInfo> models = OpenAiClient.builder().baseUrl(baseUrl).build().listModels();

        assertThat(models)
                .containsExactly(
                        new ModelInfo("model-id-0", "organization-owner", 1686935002),
                        new ModelInfo("model-id-1", "organization-owner", 1686935002),
                        new ModelInfo("model-id-2", "openai", 1686935002));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
    }

    @Test
    void cancellingChatAsyncAbortsTheCall() throws Exception {
        okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();
        OpenAiChatModel model = OpenAiClient.builder()
                .baseUrl(baseUrl)
                .okHttpClient(okHttp)
                .build()
                .chatModel("m");
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        CompletableFuture<ChatResponse> future = model.chatAsync(ChatRequest.of(Message.user("Hi")));
        server.takeRequest(5, TimeUnit.SECONDS);
        future.cancel(true);

        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
    }

    @Test
    void completesChatAsyncWithTheResponse() throws Exception {
        OpenAiChatModel model = OpenAiClient.builder().baseUrl(baseUrl).build().chatModel("m");
        server.enqueue(TestData.jsonResponse(200, CHAT_RESPONSE));

        assertThat(model.chatAsync(ChatRequest.of(Message.user("Hi")))
                        .get(5, TimeUnit.SECONDS)
                        .text())
                .isEqualTo("ok");
    }
}
