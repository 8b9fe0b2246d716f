package dev.ladder.core.openai;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.http.AuthScheme;
import dev.ladder.core.http.CallListener;
import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.ProviderProfile;
import dev.ladder.core.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A connection to an OpenAI-compatible API: OpenAI itself, Azure OpenAI, or a server that speaks the
 * same protocol (DeepSeek, Qwen's compatible mode, Moonshot, vLLM, llama.cpp server, Ollama, LM
 * Studio). Hands out {@link OpenAiChatModel}s and {@link OpenAiEmbedder}s and lists models.
 *
 * <p>Build one with {@link #builder()} or read the usual environment variables with {@link
 * #fromEnv()}. Immutable and thread-safe: share one client; every client shares one connection pool
 * unless given its own OkHttp client. The API key appears in no {@code toString} or message.
 */
public final class OpenAiClient {
    /** OpenAI's API. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** The Azure OpenAI API version used when none is given. */
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    private static final JsonReader.Options MODELS = JsonReader.Options.of("data");
    private static final JsonReader.Options MODEL = JsonReader.Options.of("id", "owned_by", "created");

    private final HttpTransport transport;
    private final boolean azure;
    private final String defaultModel;
    private final String maxTokensField;

    private OpenAiClient(HttpTransport transport, boolean azure, String defaultModel, String maxTokensField) {
        this.transport = transport;
        this.azure = azure;
        this.defaultModel = defaultModel;
        this.maxTokensField = maxTokensField;
    }

    /** Returns a builder for OpenAI at {@link #OPENAI_BASE_URL}; change the base URL for other servers. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a client configured from the environment: Azure OpenAI when {@code AZURE_OPENAI_ENDPOINT}
     * is set (with {@code AZURE_OPENAI_API_KEY} and {@code OPENAI_API_VERSION}), otherwise {@code
     * OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OPENAI_ORG_ID} and {@code OPENAI_PROJECT_ID}.
     *
     * @throws IllegalStateException if OpenAI or Azure is addressed and no key is set.
     */
    public static OpenAiClient fromEnv() {
        return builder().fromEnv(System.getenv()).build();
    }

    /** Returns a chat model that uses the client's default model for requests naming none. */
    public OpenAiChatModel chatModel() {
        return new OpenAiChatModel(this, defaultModel);
    }

    /** Returns a chat model that uses {@code model} (an Azure deployment name on Azure) by default. */
    public OpenAiChatModel chatModel(String model) {
        return new OpenAiChatModel(this, Objects.requireNonNull(model, "model"));
    }

    /**
     * Returns an embedder for {@code model} (a deployment name on Azure) with base64 encoding, the
     * model's own dimensions and batches of {@link OpenAiEmbedder#MAX_BATCH}.
     */
    public OpenAiEmbedder embedder(String model) {
        return new OpenAiEmbedder(this, model, null, OpenAiEmbedder.Encoding.BASE64, OpenAiEmbedder.MAX_BATCH);
    }

    /**
     * Lists the models the server offers ({@code GET /models}; on Azure, the models of the resource).
     *
     * @throws dev.ladder.core.LadderException when the call fails after retries.
     */
    public List<ModelInfo> listModels() {
        HttpCall call = transport.get("models").operation("models").build();
        return transport.execute(call, body -> readModels(JsonReader.of(body)));
    }

    /** The transport all calls of this client go through. */
    public HttpTransport transport() {
        return transport;
    }

    /** The model used for requests that name none, or null. */
    public String defaultModel() {
        return defaultModel;
    }

    String maxTokensField() {
        return maxTokensField;
    }

    String chatPath(String model) {
        return azure ? "deployments/" + model + "/chat/completions" : "chat/completions";
    }

    String embeddingsPath(String model) {
        return azure ? "deployments/" + model + "/embeddings" : "embeddings";
    }

    private static List<ModelInfo> readModels(JsonReader reader) throws IOException {
        List<ModelInfo> models = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.selectName(MODELS) == 0) {
                reader.beginArray();
                while (reader.hasNext()) {
                    models.add(readModel(reader));
                }
                reader.endArray();
            } else {
                JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        return models;
    }

    private static ModelInfo readModel(JsonReader reader) throws IOException {
        String id = null;
        String ownedBy = null;
        long created = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(MODEL)) {
                case 0 -> id = reader.nextString();
                case 1 -> ownedBy = JsonReads.nullableString(reader);
                case 2 -> created = JsonReads.skipNull(reader) ? 0 : reader.nextLong();
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        if (id == null) {
            throw new com.squareup.moshi.JsonDataException("a model has no id at " + reader.getPath());
        }
        return new ModelInfo(id, ownedBy, created);
    }

    @Override
    public String toString() {
        return "OpenAiClient{" + transport.config() + ", azure=" + azure + ", defaultModel=" + defaultModel + "}";
    }

    /** Builds an {@link OpenAiClient}. Not thread-safe. */
    public static final class Builder {
        private String baseUrl = OPENAI_BASE_URL;
        private String apiKey;
        private String organization;
        private String project;
        private String azureApiVersion;
        private String defaultModel;
        private String maxTokensField;
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private Duration streamIdleTimeout;
        private RetryPolicy retryPolicy;
        private final List<CallListener> listeners = new ArrayList<>();
        private boolean wireLogging;
        private OkHttpClient okHttpClient;
        private Executor executor;

        private Builder() {}

        /**
         * Reads {@code env} as {@link #fromEnv()} describes; variables that are unset leave the
         * builder's settings alone.
         */
        public Builder fromEnv(Map<String, String> env) {
            String endpoint = blankToNull(env.get("AZURE_OPENAI_ENDPOINT"));
            if (endpoint != null) {
                String version = blankToNull(env.get("OPENAI_API_VERSION"));
                azure(endpoint, version == null ? DEFAULT_AZURE_API_VERSION : version);
                return set(env.get("AZURE_OPENAI_API_KEY"), this::apiKey);
            }
            set(env.get("OPENAI_BASE_URL"), this::baseUrl);
            set(env.get("OPENAI_API_KEY"), this::apiKey);
            set(env.get("OPENAI_ORG_ID"), this::organization);
            return set(env.get("OPENAI_PROJECT_ID"), this::project);
        }

        private Builder set(String value, java.util.function.Consumer<String> setter) {
            if (blankToNull(value) != null) {
                setter.accept(value.strip());
            }
            return this;
        }

        /** Sets the API's base URL, such as {@code http://localhost:11434/v1} for Ollama. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.azureApiVersion = null;
            return this;
        }

        /**
         * Addresses Azure OpenAI at {@code endpoint} (such as {@code https://my-resource.openai.azure.com}):
         * deployment URLs, the {@code api-key} header and the {@code api-version} query parameter. Model
         * names in requests are deployment names.
         */
        public Builder azure(String endpoint, String apiVersion) {
            Objects.requireNonNull(endpoint, "endpoint");
            String base = endpoint.strip();
            this.baseUrl = (base.endsWith("/") ? base : base + "/") + "openai";
            this.azureApiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /** Sets the API key; servers that need none (a local Ollama, say) may go without. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Sends {@code OpenAI-Organization}. */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** Sends {@code OpenAI-Project}. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Adds a header sent with every request, such as a gateway's routing header. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the model for requests that name none. */
        public Builder defaultModel(String defaultModel) {
            this.defaultModel = defaultModel;
            return this;
        }

        /**
         * Names the body field for the output token limit: {@code max_completion_tokens} (the default
         * for OpenAI and Azure, required by reasoning models) or {@code max_tokens} (the default for
         * other servers, which often know only that one).
         */
        public Builder maxTokensField(String maxTokensField) {
            if (!"max_tokens".equals(maxTokensField) && !"max_completion_tokens".equals(maxTokensField)) {
                throw new IllegalArgumentException("maxTokensField '" + maxTokensField
                        + "' is not known: use max_completion_tokens or max_tokens");
            }
            this.maxTokensField = maxTokensField;
            return this;
        }

        /** Sets the longest wait for a connection. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets the longest wait for any socket read. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Sets the longest a call may take, retries and streaming included. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Sets the longest a stream may go without an event. */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        /** Sets when failed calls are retried. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Adds a listener notified of every call. */
        public Builder addListener(CallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Logs requests and responses at DEBUG to {@code dev.ladder.core.http.wire}, secrets redacted. */
        public Builder wireLogging(boolean wireLogging) {
            this.wireLogging = wireLogging;
            return this;
        }

        /** Uses {@code okHttpClient}'s connection pool, proxy and TLS settings. */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = okHttpClient;
            return this;
        }

        /** Runs streams and asynchronous calls on {@code executor}. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Returns the client.
         *
         * @throws IllegalArgumentException if the base URL is not an http or https URL.
         * @throws IllegalStateException if OpenAI or Azure is addressed without an API key.
         */
        public OpenAiClient build() {
            boolean azure = azureApiVersion != null;
            ClientConfig.Builder config = ClientConfig.builder(baseUrl).apiKey(apiKey);
            requireKey(config.build().baseUrl(), azure);
            if (azure) {
                config.queryParameter("api-version", azureApiVersion);
            }
            if (organization != null) {
                config.header("OpenAI-Organization", organization);
            }
            if (project != null) {
                config.header("OpenAI-Project", project);
            }
            headers.forEach(config::header);
            applyTransportSettings(config);
            ProviderProfile profile = new ProviderProfile(
                    azure ? "Azure OpenAI" : "OpenAI",
                    azure ? AuthScheme.header("api-key") : AuthScheme.bearer(),
                    new OpenAiErrors(),
                    azure ? "set AZURE_OPENAI_API_KEY or call apiKey(..)" : "set OPENAI_API_KEY or call apiKey(..)");
            HttpTransport transport = HttpTransport.create(config.build(), profile);
            return new OpenAiClient(
                    transport,
                    azure,
                    defaultModel,
                    tokensField(transport.config().baseUrl(), azure));
        }

        private void requireKey(HttpUrl url, boolean azure) {
            boolean official = azure || url.host().equals("api.openai.com");
            boolean authHeader = headers.keySet().stream()
                    .anyMatch(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("api-key"));
            if (official && blankToNull(apiKey) == null && !authHeader) {
                throw new IllegalStateException("no API key for " + url + ": "
                        + (azure ? "set AZURE_OPENAI_API_KEY" : "set OPENAI_API_KEY") + " or call apiKey(..)");
            }
        }

        private String tokensField(HttpUrl url, boolean azure) {
            if (maxTokensField != null) {
                return maxTokensField;
            }
            return azure || url.host().equals("api.openai.com") ? "max_completion_tokens" : "max_tokens";
        }

        private void applyTransportSettings(ClientConfig.Builder config) {
            if (connectTimeout != null) {
                config.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                config.readTimeout(readTimeout);
            }
            if (callTimeout != null) {
                config.callTimeout(callTimeout);
            }
            if (streamIdleTimeout != null) {
                config.streamIdleTimeout(streamIdleTimeout);
            }
            if (retryPolicy != null) {
                config.retryPolicy(retryPolicy);
            }
            listeners.forEach(config::addListener);
            config.wireLogging(wireLogging);
            if (okHttpClient != null) {
                config.okHttpClient(okHttpClient);
            }
            if (executor != null) {
                config.executor(executor);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
