package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.http.AuthScheme;
import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.ProviderProfile;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ChatModel} for Anthropic's Messages API ({@code POST /v1/messages}), blocking and
 * streamed.
 *
 * <p>System messages become the {@code system} prompt; images are sent as base64 or URL sources;
 * tool calls and tool results travel as {@code tool_use} and {@code tool_result} blocks, a failed
 * tool's result with {@code is_error}. A request without {@link ChatRequest#maxOutputTokens()} asks
 * for the client's {@link Builder#maxTokens max tokens}, {@value #DEFAULT_MAX_TOKENS} unless set,
 * since the API requires the field. Stop reasons map to {@code end_turn}/{@code stop_sequence} STOP,
 * {@code max_tokens} LENGTH, {@code tool_use} TOOL_CALLS, {@code refusal} REFUSAL (the refusal text is
 * the API's explanation, or empty), anything else OTHER, with the API's own word kept. A request for
 * several choices, for log probabilities or for a JSON-object response format fails with an
 * {@link IllegalArgumentException}, since the API has none of these; a seed is not sent.
 *
 * <p>Errors are typed by the shared transport: an {@code overloaded_error} (HTTP 529, or an
 * {@code error} event mid-stream) is a retriable {@link dev.ladder.core.ServerException} whose
 * message carries the API's error type and message. The key travels in {@code x-api-key}, with
 * {@code anthropic-version: }{@value #API_VERSION}.
 *
 * <p>Immutable and thread-safe; clients share one connection pool.
 */
public final class AnthropicChatModel implements ChatModel {
    /** The base URL used when none is configured. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The value of the {@code anthropic-version} header. */
    public static final String API_VERSION = "2023-06-01";
    /** The {@code max_tokens} sent when neither the request nor the builder sets one. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    static final ProviderProfile PROFILE = new ProviderProfile(
            "Anthropic", AuthScheme.header("x-api-key"), AnthropicErrors::parse, "set ANTHROPIC_API_KEY");

    private final HttpTransport transport;
    private final String model;
    private final int maxTokens;

    private AnthropicChatModel(Builder builder) {
        this.transport = HttpTransport.create(builder.config, PROFILE);
        this.model = builder.model;
        this.maxTokens = builder.maxTokens;
    }

    /** Returns a builder for a client configured by {@code config}, whose base URL is the API's root. */
    public static Builder builder(ClientConfig config) {
        return new Builder(Objects.requireNonNull(config, "config"));
    }

    /**
     * Returns a builder configured from the environment: the key from {@code ANTHROPIC_API_KEY} and
     * the base URL from {@code ANTHROPIC_BASE_URL}, {@value #DEFAULT_BASE_URL} when unset.
     *
     * @throws IllegalStateException if {@code ANTHROPIC_API_KEY} is not set.
     */
    public static Builder fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Returns a builder configured from {@code env} as {@link #fromEnv()} describes, for tests and for
     * settings kept somewhere other than the process environment.
     *
     * @throws IllegalStateException if {@code env} has no {@code ANTHROPIC_API_KEY}.
     */
    public static Builder fromEnv(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String key = env.get("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "ANTHROPIC_API_KEY is not set: export it, or pass a ClientConfig with apiKey(..) to builder(..)");
        }
        String baseUrl = env.get("ANTHROPIC_BASE_URL");
        ClientConfig config = ClientConfig.builder(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl)
                .apiKey(key)
                .build();
        return new Builder(config);
    }

    /**
     * Sends {@code request} and returns the whole answer.
     *
     * @throws IllegalArgumentException if the request has no model and the client none either, or
     *     asks for what the API cannot do.
     * @throws dev.ladder.core.LadderException (a subclass) when the call fails after retries.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        HttpCall call = call(request, false);
        return transport.execute(call, body -> {
            String raw = body.snapshot().utf8();
            MessageAssembly assembly = new MessageAssembly();
            MessageParser.read(JsonReader.of(body), assembly);
            ChatResponse response = assembly.response(raw);
            transport.reportUsage(call, response.usage());
            return response;
        });
    }

    /**
     * Streams the answer to {@code request} into {@code handler} and returns at once.
     *
     * @throws IllegalArgumentException if the request has no model and the client none either, or
     *     asks for what the API cannot do.
     */
    @Override
    public StreamHandle stream(ChatRequest request, StreamHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new MessageStream(transport, call(request, true), handler).start();
    }

    private HttpCall call(ChatRequest request, boolean stream) {
        Objects.requireNonNull(request, "request");
        String chosen = request.model() != null ? request.model() : model;
        if (chosen == null) {
            throw new IllegalArgumentException(
                    "no model given: set one on the request or with AnthropicChatModel.Builder.model(..)");
        }
        Map<String, Object> body = MessagesRequest.body(request, chosen, maxTokens, stream);
        return transport
                .post("v1/messages", writer -> RawJson.write(writer, body))
                .operation("chat")
                .model(chosen)
                .streaming(stream)
                .header("anthropic-version", API_VERSION)
                .headers(request.extraHeaders())
                .timeout(request.timeout())
                .maxRetries(request.maxRetries())
                .build();
    }

    @Override
    public String toString() {
        return "AnthropicChatModel{model=" + model + ", maxTokens=" + maxTokens + ", config=" + transport.config()
                + "}";
    }

    /** Builds an {@link AnthropicChatModel}. Not thread-safe. */
    public static final class Builder {
        private final ClientConfig config;
        private String model;
        private int maxTokens = DEFAULT_MAX_TOKENS;

        private Builder(ClientConfig config) {
            this.config = config;
        }

        /** Sets the model used when a request names none, such as {@code claude-sonnet-4-5}. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the {@code max_tokens} sent when a request sets no {@link ChatRequest#maxOutputTokens()};
         * {@value AnthropicChatModel#DEFAULT_MAX_TOKENS} unless set.
         *
         * @throws IllegalArgumentException if {@code maxTokens} is below 1.
         */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** Returns the client. */
        public AnthropicChatModel build() {
            return new AnthropicChatModel(this);
        }
    }
}
