package dev.ladder.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How a provider client reaches its service: base URL, API key, headers, timeouts, retries,
 * listeners and wire logging. Build one with {@link #builder(String)}.
 *
 * <p>Immutable and thread-safe. Clients built from any number of configurations share one OkHttp
 * connection pool and dispatcher unless {@link Builder#okHttpClient(OkHttpClient)} supplies another;
 * the API key appears in no {@link #toString()}.
 */
public final class ClientConfig {
    private final HttpUrl baseUrl;
    private final ApiKey apiKey;
    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Duration streamIdleTimeout;
    private final RetryPolicy retryPolicy;
    private final List<CallListener> listeners;
    private final boolean wireLogging;
    private final OkHttpClient okHttpClient;
    private final Executor executor;

    private ClientConfig(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.apiKey = builder.apiKey;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queryParameters));
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.callTimeout = builder.callTimeout;
        this.streamIdleTimeout = builder.streamIdleTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.listeners = List.copyOf(builder.listeners);
        this.wireLogging = builder.wireLogging;
        this.okHttpClient = builder.okHttpClient;
        this.executor = builder.executor;
    }

    /**
     * Returns a builder for a service at {@code baseUrl}, such as {@code https://api.openai.com/v1}.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL.
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** Returns a builder holding this configuration's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The URL that request paths are resolved against. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The API key, or empty for a server that needs none (a local vLLM or Ollama, say). */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Headers sent with every request, after the provider's own and before a request's. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Query parameters added to every request URL, such as Azure's {@code api-version}. */
    public Map<String, String> queryParameters() {
        return queryParameters;
    }

    /** The longest wait for a TCP and TLS connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest wait for any read from the socket. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The longest a whole call may take, retries included; a request's own timeout overrides it. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The longest a stream may go without an event before it fails with a timeout. */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /** When to retry failed calls; a request's own maxRetries overrides the count. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The listeners notified of every call, in order. */
    public List<CallListener> listeners() {
        return listeners;
    }

    /**
     * Whether requests and responses are logged at DEBUG to the slf4j logger {@code
     * dev.ladder.core.http.wire}, with {@code Authorization}, {@code api-key} and {@code x-api-key}
     * redacted.
     */
    public boolean wireLogging() {
        return wireLogging;
    }

    /** The OkHttp client whose connection pool and dispatcher calls use. */
    public OkHttpClient okHttpClient() {
        return okHttpClient;
    }

    /** Runs streams and asynchronous calls; the default is a shared pool of daemon threads. */
    public Executor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "ClientConfig{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : apiKey) + ", headers="
                + headers.keySet() + ", queryParameters=" + queryParameters.keySet() + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
                + ", streamIdleTimeout=" + streamIdleTimeout + ", retryPolicy=" + retryPolicy + ", listeners="
                + listeners.size() + ", wireLogging=" + wireLogging + "}";
    }

    /** Builds a {@link ClientConfig}. Not thread-safe. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private ApiKey apiKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> queryParameters = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofMinutes(10);
        private Duration callTimeout = Duration.ofMinutes(10);
        private Duration streamIdleTimeout = Duration.ofMinutes(5);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final List<CallListener> listeners = new ArrayList<>();
        private boolean wireLogging;
        private OkHttpClient okHttpClient = SharedResources.okHttpClient();
        private Executor executor = SharedResources.executor();

        private Builder(String baseUrl) {
            baseUrl(baseUrl);
        }

        private Builder(ClientConfig config) {
            baseUrl = config.baseUrl;
            apiKey = config.apiKey;
            headers.putAll(config.headers);
            queryParameters.putAll(config.queryParameters);
            connectTimeout = config.connectTimeout;
            readTimeout = config.readTimeout;
            callTimeout = config.callTimeout;
            streamIdleTimeout = config.streamIdleTimeout;
            retryPolicy = config.retryPolicy;
            listeners.addAll(config.listeners);
            wireLogging = config.wireLogging;
            okHttpClient = config.okHttpClient;
            executor = config.executor;
        }

        /**
         * Sets the URL request paths are resolved against.
         *
         * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL.
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            HttpUrl url = HttpUrl.parse(baseUrl.strip());
            if (url == null) {
                throw new IllegalArgumentException(
                        "base URL '" + baseUrl + "' is not an http or https URL: use e.g. https://api.openai.com/v1");
            }
            this.baseUrl = url;
            return this;
        }

        /** Sets the API key; null or blank removes it, for servers that need none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : ApiKey.of(apiKey);
            return this;
        }

        /** Adds a header sent with every request, replacing one of the same name. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a query parameter sent with every request, replacing one of the same name. */
        public Builder queryParameter(String name, String value) {
            queryParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the longest wait for a connection; default 10 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Durations.positive("connectTimeout", connectTimeout);
            return this;
        }

        /** Sets the longest wait for any socket read; default 10 minutes. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Durations.positive("readTimeout", readTimeout);
            return this;
        }

        /** Sets the longest a whole call may take, retries and streaming included; default 10 minutes. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Durations.positive("callTimeout", callTimeout);
            return this;
        }

        /** Sets the longest a stream may go without an event; default 5 minutes. */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = Durations.positive("streamIdleTimeout", streamIdleTimeout);
            return this;
        }

        /** Sets when failed calls are retried; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Adds a listener notified of every call. */
        public Builder addListener(CallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Turns redacted wire logging to the slf4j logger {@code dev.ladder.core.http.wire} on or off. */
        public Builder wireLogging(boolean wireLogging) {
            this.wireLogging = wireLogging;
            return this;
        }

        /**
         * Uses {@code okHttpClient}'s connection pool, dispatcher, proxy and TLS settings; Ladder
         * derives its own timeouts from this configuration without changing the given client.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** Runs streams and asynchronous calls on {@code executor}. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Returns the configuration. */
        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
