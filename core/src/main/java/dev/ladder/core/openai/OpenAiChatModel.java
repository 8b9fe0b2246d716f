package dev.ladder.core.openai;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ChatModel} over the OpenAI chat completions API, as served by OpenAI, Azure OpenAI and
 * compatible servers. Get one from {@link OpenAiClient#chatModel()}.
 *
 * <p>Immutable and thread-safe; all models of one client share its connection pool. Requests that
 * name no model use the client's default model.
 */
public final class OpenAiChatModel implements ChatModel {
    private final OpenAiClient client;
    private final String defaultModel;

    OpenAiChatModel(OpenAiClient client, String defaultModel) {
        this.client = client;
        this.defaultModel = defaultModel;
    }

    /** The model used for requests that name none, or null when every request must name one. */
    public String defaultModel() {
        return defaultModel;
    }

    /**
     * Sends {@code request} and blocks until the whole response has arrived.
     *
     * @throws IllegalArgumentException if neither the request nor the client names a model.
     * @throws dev.ladder.core.LadderException (a subclass by cause) when the call fails after retries.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        HttpCall call = call(request, false);
        return transport().execute(call, body -> {
            ChatResponse response = ChatResponseReader.read(body);
            transport().reportUsage(call, response.usage());
            return response;
        });
    }

    /**
     * Streams {@code request} with usage included. The call is retried only until the first event
     * has arrived; a stream that ends without {@code [DONE]} fails with a {@link
     * dev.ladder.core.MalformedResponseException}.
     *
     * @throws IllegalArgumentException if neither the request nor the client names a model.
     */
    @Override
    public StreamHandle stream(ChatRequest request, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        HttpCall call = call(request, true);
        return transport().stream(call, new ChatStreamAssembler(transport(), call, handler));
    }

    /**
     * Sends {@code request} as one blocking call on the client's executor; cancelling the future
     * aborts the HTTP call and frees its connection.
     *
     * @throws IllegalArgumentException if neither the request nor the client names a model.
     */
    @Override
    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        HttpCall call = call(request, false);
        return transport().executeAsync(call, body -> {
            ChatResponse response = ChatResponseReader.read(body);
            transport().reportUsage(call, response.usage());
            return response;
        });
    }

    private HttpCall call(ChatRequest request, boolean stream) {
        Objects.requireNonNull(request, "request");
        String model = request.model() != null ? request.model() : defaultModel;
        if (model == null) {
            throw new IllegalArgumentException(
                    "no model: set one on the request with ChatRequest.builder().model(..) or on the client with"
                            + " OpenAiClient.builder().defaultModel(..)");
        }
        ChatBodyWriter body = new ChatBodyWriter(request, model, stream, client.maxTokensField());
        return transport()
                .post(client.chatPath(model), body::write)
                .operation(stream ? "chat.stream" : "chat")
                .model(model)
                .streaming(stream)
                .headers(request.extraHeaders())
                .timeout(request.timeout())
                .maxRetries(request.maxRetries())
                .build();
    }

    private HttpTransport transport() {
        return client.transport();
    }

    @Override
    public String toString() {
        return "OpenAiChatModel{baseUrl=" + transport().config().baseUrl() + ", defaultModel=" + defaultModel + "}";
    }
}
