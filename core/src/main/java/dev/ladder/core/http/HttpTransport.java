package dev.ladder.core.http;

import com.squareup.moshi.JsonDataException;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.ServiceException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends a provider's HTTP calls with everything that every provider needs once: authentication,
 * timeouts, retries with backoff that honour {@code Retry-After}, typed errors, cancellation,
 * listeners and redacted wire logging. Providers describe each call with an {@link HttpCall} and
 * read bodies and events; the transport does the rest.
 *
 * <p>Immutable and thread-safe: one instance serves any number of concurrent calls, and all
 * transports built on the same {@link ClientConfig#okHttpClient()} share its connection pool.
 */
public final class HttpTransport {
    private static final String USER_AGENT = "ladder-java/0.1";

    /**
     * How many resolved URLs a transport remembers. A client calls a few paths over and over (chat,
     * embeddings); paths naming ids, such as files/{id}, stop being remembered at this bound.
     */
    private static final int RESOLVED_URLS = 32;

    private final ClientConfig config;
    private final ProviderProfile profile;
    private final OkHttpClient okHttp;
    private final Listeners listeners;
    private final WireLog wire;
    private final ErrorMapper errors;
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    private HttpTransport(ClientConfig config, ProviderProfile profile) {
        this.config = config;
        this.profile = profile;
        this.okHttp = config.okHttpClient()
                .newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .build();
        this.listeners = new Listeners(config.listeners());
        this.wire = new WireLog(config.wireLogging(), config.apiKey().orElse(null));
        this.errors = new ErrorMapper(profile, config.apiKey().orElse(null));
    }

    /**
     * Creates a transport for the provider described by {@code profile}, configured by {@code config}.
     * OkHttp's own silent retries are turned off so that {@code config}'s retry policy alone decides.
     */
    public static HttpTransport create(ClientConfig config, ProviderProfile profile) {
        return new HttpTransport(Objects.requireNonNull(config, "config"), Objects.requireNonNull(profile, "profile"));
    }

    /** The configuration this transport was created with. */
    public ClientConfig config() {
        return config;
    }

    /** The provider this transport talks to. */
    public ProviderProfile profile() {
        return profile;
    }

    /**
     * Starts a GET of {@code path}, resolved against the base URL (for example {@code models}).
     *
     * @throws IllegalArgumentException if {@code path} starts with {@code /}.
     */
    public HttpCall.Builder get(String path) {
        return HttpCall.builder(profile.name(), "GET", resolve(path), (JsonBody) null);
    }

    /**
     * Starts a POST of the JSON {@code body} to {@code path}, resolved against the base URL.
     *
     * @throws IllegalArgumentException if {@code path} starts with {@code /}.
     */
    public HttpCall.Builder post(String path, JsonBody body) {
        return HttpCall.builder(profile.name(), "POST", resolve(path), Objects.requireNonNull(body, "body"));
    }

    /**
     * Starts a POST of {@code body} as given (a multipart form, for example) to {@code path}, resolved
     * against the base URL. The body must be replayable, since a retry sends it again; OkHttp's
     * multipart bodies of byte arrays and files are.
     *
     * @throws IllegalArgumentException if {@code path} starts with {@code /}.
     */
    public HttpCall.Builder post(String path, RequestBody body) {
        return HttpCall.builder(profile.name(), "POST", resolve(path), Objects.requireNonNull(body, "body"));
    }

    /**
     * Starts a PUT of the JSON {@code body} to {@code path}, resolved against the base URL, for APIs
     * that create a resource at a named path (an OpenSearch index, say).
     *
     * @throws IllegalArgumentException if {@code path} starts with {@code /}.
     */
    public HttpCall.Builder put(String path, JsonBody body) {
        return HttpCall.builder(profile.name(), "PUT", resolve(path), Objects.requireNonNull(body, "body"));
    }

    /**
     * Starts a DELETE of {@code path}, resolved against the base URL.
     *
     * @throws IllegalArgumentException if {@code path} starts with {@code /}.
     */
    public HttpCall.Builder delete(String path) {
        return HttpCall.builder(profile.name(), "DELETE", resolve(path), (JsonBody) null);
    }

    /**
     * Sends {@code call}, retrying as the policy allows, and returns the successful body read by
     * {@code parser}. Blocks the calling thread.
     *
     * @throws dev.ladder.core.ServiceException (a subclass by status) for an HTTP error response.
     * @throws dev.ladder.core.CallTimeoutException when a timeout expired.
     * @throws dev.ladder.core.ConnectionException when the connection failed.
     * @throws MalformedResponseException when the body was empty, HTML, or not what {@code parser} expects.
     */
    public <T> T execute(HttpCall call, ResponseParser<T> parser) {
        CallRunner runner = new CallRunner(this, call, "application/json");
        return runner.run(response -> readBody(call, response, parser));
    }

    /**
     * Sends {@code call} on the configured executor. The future completes with what {@code parser}
     * returns, or exceptionally with the exception {@link #execute} would throw; cancelling it aborts
     * the HTTP call and frees its connection.
     */
    public <T> CompletableFuture<T> executeAsync(HttpCall call, ResponseParser<T> parser) {
        CallRunner runner = new CallRunner(this, call, "application/json");
        CallFuture<T> future = new CallFuture<>(runner);
        config.executor().execute(() -> {
            try {
                future.complete(runner.run(response -> readBody(call, response, parser)));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /**
     * Opens {@code call} as a server-sent event stream on the configured executor and feeds its
     * events to {@code handler}. Returns at once. The call is retried only until its first event has
     * reached {@code handler}; a failure after that ends the stream.
     */
    public StreamHandle stream(HttpCall call, SseHandler handler) {
        CallRunner runner = new CallRunner(this, call, "text/event-stream");
        StreamCall stream = new StreamCall(this, runner, Objects.requireNonNull(handler, "handler"));
        config.executor().execute(stream);
        return stream;
    }

    /**
     * Tells the listeners what {@code call} consumed. Call it from the parser or the stream handler,
     * so it precedes their completion event.
     */
    public void reportUsage(HttpCall call, Usage usage) {
        listeners.usage(call.info(), usage);
    }

    /**
     * Feeds the events read from {@code source} to {@code handler} as a live stream would: each event,
     * then {@link SseHandler#onEnd}, or {@link SseHandler#onError} with the failure, on the calling
     * thread. For replaying recorded streams; {@code source} names the recording in messages.
     */
    public static void replay(BufferedSource source, String name, SseHandler handler) {
        SseParser parser = new SseParser(source);
        int[] events = {0};
        try {
            while (parser.next(event -> StreamCall.dispatch(handler, event, ++events[0], name))) {
                // each event was dispatched by the parser's sink
            }
            handler.onEnd();
        } catch (LadderException e) {
            handler.onError(e);
        } catch (IOException e) {
            handler.onError(new ConnectionException("could not read the recorded stream " + name + ": " + e, e));
        }
    }

    /**
     * Returns the exception for an error reported inside a successful response, such as an error
     * event in the middle of a stream, mapped exactly as if the server had answered {@code status}
     * with {@code body}: same type, message and retriable flag. The provider chooses {@code status}
     * from the error's type.
     */
    public ServiceException errorFor(HttpCall call, int status, String body) {
        return errors.map(call.info(), status, Headers.of(), redact(body));
    }

    OkHttpClient okHttp() {
        return okHttp;
    }

    Listeners listeners() {
        return listeners;
    }

    WireLog wire() {
        return wire;
    }

    ErrorMapper errors() {
        return errors;
    }

    String redact(String text) {
        return config.apiKey().map(key -> key.redact(text)).orElse(text);
    }

    Request request(HttpCall call, RequestBody body, String accept) {
        Request.Builder request = new Request.Builder().url(call.url());
        config.apiKey()
                .ifPresent(key ->
                        request.header(profile.auth().header(), profile.auth().prefix() + key.value()));
        request.header("User-Agent", USER_AGENT);
        request.header("Accept", accept);
        config.headers().forEach(request::header);
        call.headers().forEach(request::header);
        return request.method(call.method(), body).build();
    }

    private HttpUrl resolve(String path) {
        Objects.requireNonNull(path, "path");
        HttpUrl url = urls.get(path);
        if (url != null) {
            return url;
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException(
                    "path '" + path + "' starts with '/': give it relative to the base URL, e.g. chat/completions");
        }
        HttpUrl.Builder builder = config.baseUrl().newBuilder().addPathSegments(path);
        config.queryParameters().forEach(builder::setQueryParameter);
        url = builder.build();
        if (urls.size() < RESOLVED_URLS) {
            urls.putIfAbsent(path, url);
        }
        return url;
    }

    private <T> T readBody(HttpCall call, Response response, ResponseParser<T> parser) throws IOException {
        ResponseBody body = response.body();
        // The bytes are kept for the error message. Copying the buffer instead would share its
        // segments, which okio then never returns to its pool: a fresh 8 KiB segment per call.
        byte[] bytes = body.source().readByteArray();
        if (wire.enabled()) {
            wire.body(new String(bytes, StandardCharsets.UTF_8));
        }
        MediaType type = body.contentType();
        if (bytes.length == 0) {
            throw new MalformedResponseException("empty response body from "
                    + call.info().url() + " (HTTP " + response.code() + "): expected JSON; check the base URL");
        }
        if (type != null && type.subtype().equalsIgnoreCase("html")) {
            throw malformed(call, response, bytes, null);
        }
        Buffer buffer = new Buffer().write(bytes);
        try {
            return parser.parse(buffer);
        } catch (IOException | JsonDataException | IllegalStateException e) {
            throw malformed(call, response, bytes, e);
        } finally {
            buffer.clear();
        }
    }

    private MalformedResponseException malformed(HttpCall call, Response response, byte[] body, Exception cause) {
        String text = redact(new String(body, StandardCharsets.UTF_8));
        String what = ErrorMapper.looksLikeHtml(text)
                ? "an HTML page, likely from a proxy or gateway"
                : "malformed JSON" + (cause == null ? "" : " (" + cause.getMessage() + ")");
        return new MalformedResponseException(
                "expected JSON from " + call.info().url() + " (HTTP " + response.code() + ") but got " + what + ": "
                        + ErrorMapper.snippet(text) + ": check the base URL",
                cause);
    }
}
