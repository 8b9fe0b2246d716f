package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.http.ProviderError;
import java.io.IOException;
import java.util.Map;

/**
 * Reads Anthropic error bodies, {@code {"type":"error","error":{"type":..,"message":..}}}, and
 * knows the HTTP status Anthropic documents for each error type, for errors that arrive as events
 * in the middle of a stream.
 */
final class AnthropicErrors {
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private AnthropicErrors() {}

    /** Returns what {@code body} says, or {@link ProviderError#UNKNOWN} when it cannot be read. */
    static ProviderError parse(String body) {
        try {
            if (JSON.fromJson(body) instanceof Map<?, ?> tree && tree.get("error") instanceof Map<?, ?> error) {
                return new ProviderError(text(error.get("message")), text(error.get("type")), null);
            }
        } catch (IOException | RuntimeException e) {
            return ProviderError.UNKNOWN;
        }
        return ProviderError.UNKNOWN;
    }

    /** Returns the HTTP status Anthropic uses for errors of {@code type}; 500 for types it does not know. */
    static int status(String type) {
        return switch (type == null ? "" : type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
