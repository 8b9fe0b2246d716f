package dev.ladder.core.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs requests, responses and stream events at DEBUG to {@code dev.ladder.core.http.wire}, when the
 * client opted in. Secret headers are redacted and the API key is removed from any text.
 */
final class WireLog {
    private static final Logger log = LoggerFactory.getLogger("dev.ladder.core.http.wire");
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "api-key", "x-api-key", "proxy-authorization", "cookie", "set-cookie");
    private static final int BODY_LIMIT = 64 * 1024;

    private final boolean enabled;
    private final ApiKey apiKey;

    WireLog(boolean enabled, ApiKey apiKey) {
        this.enabled = enabled;
        this.apiKey = apiKey;
    }

    boolean enabled() {
        return enabled && log.isDebugEnabled();
    }

    void request(Request request, ByteString body) {
        if (!enabled()) {
            return;
        }
        String text = body == null ? "" : "\n" + clip(body.utf8());
        log.debug("--> {} {}\n{}{}", request.method(), request.url(), headers(request.headers()), redact(text));
    }

    void response(Response response, Duration latency) {
        if (enabled()) {
            log.debug(
                    "<-- {} {} ({} ms)\n{}",
                    response.code(),
                    response.request().url(),
                    latency.toMillis(),
                    headers(response.headers()));
        }
    }

    void body(String body) {
        if (enabled()) {
            log.debug("<-- body\n{}", redact(clip(body)));
        }
    }

    void event(SseEvent event) {
        if (enabled()) {
            log.debug(
                    "<-- event: {}\ndata: {}",
                    event.type(),
                    redact(clip(event.buffer().snapshot().utf8())));
        }
    }

    static String headers(Headers headers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            text.append(name)
                    .append(": ")
                    .append(secret ? "[redacted]" : headers.value(i))
                    .append('\n');
        }
        return text.toString();
    }

    private String redact(String text) {
        return apiKey == null ? text : apiKey.redact(text);
    }

    private static String clip(String text) {
        return text.length() <= BODY_LIMIT ? text : text.substring(0, BODY_LIMIT) + "... (" + text.length() + " chars)";
    }
}
