package dev.ladder.core.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * One logical request to a provider, built with {@link HttpTransport#get} or {@link
 * HttpTransport#post}: where it goes, what it carries, and its own timeout and retry settings.
 *
 * <p>Immutable and thread-safe; the transport may send it several times.
 */
public final class HttpCall {
    private final String method;
    private final HttpUrl url;
    private final JsonBody body;
    private final RequestBody rawBody;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Integer maxRetries;
    private final CallInfo info;

    private HttpCall(Builder builder) {
        this.method = builder.method;
        this.url = builder.query == null ? builder.url : builder.query.build();
        this.body = builder.body;
        this.rawBody = builder.rawBody;
        this.headers = builder.headers.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        String bareUrl = url.encodedQuery() == null
                ? url.toString()
                : url.newBuilder().query(null).build().toString();
        this.info =
                new CallInfo(builder.provider, builder.operation, builder.model, method, bareUrl, builder.streaming);
    }

    static Builder builder(String provider, String method, HttpUrl url, JsonBody body) {
        return new Builder(provider, method, url, body);
    }

    static Builder builder(String provider, String method, HttpUrl url, RequestBody rawBody) {
        Builder builder = new Builder(provider, method, url, null);
        builder.rawBody = rawBody;
        return builder;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The full request URL, query included. */
    public HttpUrl url() {
        return url;
    }

    /** The body writer, or null for a request without a body. */
    public JsonBody body() {
        return body;
    }

    /**
     * The body sent as given, such as a multipart form, or null when the call has a JSON body or none.
     * It must be replayable: the transport may send it once per attempt.
     */
    public RequestBody rawBody() {
        return rawBody;
    }

    /** Headers of this request, sent over the client's. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The longest this call may take, retries included, or null for the client's call timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times this call may be retried, or null for the client's retry policy. */
    public Integer maxRetries() {
        return maxRetries;
    }

    /** What listeners and messages say about this call. */
    public CallInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "HttpCall{" + method + " " + info.url() + ", operation=" + info.operation() + ", model=" + info.model()
                + "}";
    }

    /** Builds an {@link HttpCall}. Not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final String method;
        private final HttpUrl url;
        private HttpUrl.Builder query;
        private final JsonBody body;
        private RequestBody rawBody;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String operation = "call";
        private String model;
        private boolean streaming;
        private Duration timeout;
        private Integer maxRetries;

        private Builder(String provider, String method, HttpUrl url, JsonBody body) {
            this.provider = provider;
            this.method = method;
            this.url = url;
            this.body = body;
        }

        /** Names what the call does in listener events and messages, such as {@code chat}. */
        public Builder operation(String operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
            return this;
        }

        /** Names the model or deployment the call addresses, for messages and listeners. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Marks the call as a server-sent event stream, for listeners. */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** Adds a query parameter. */
        public Builder queryParameter(String name, String value) {
            if (query == null) {
                query = url.newBuilder();
            }
            query.setQueryParameter(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a header, replacing the client's header of the same name. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every header of {@code headers}. */
        public Builder headers(Map<String, String> headers) {
            headers.forEach(this::header);
            return this;
        }

        /** Sets the longest the call may take, retries included; null keeps the client's setting. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout == null ? null : Durations.positive("timeout", timeout);
            return this;
        }

        /** Sets how many times the call may be retried; null keeps the client's setting. */
        public Builder maxRetries(Integer maxRetries) {
            if (maxRetries != null && maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Returns the call. */
        public HttpCall build() {
            return new HttpCall(this);
        }
    }
}
