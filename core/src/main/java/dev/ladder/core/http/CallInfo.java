package dev.ladder.core.http;

import java.util.Objects;

/**
 * Describes one logical call for {@link CallListener}s: the same instance accompanies every attempt.
 *
 * @param provider the provider's name, such as {@code OpenAI}.
 * @param operation what the call does, such as {@code chat}, {@code embed} or {@code models}.
 * @param model the model or deployment, or null when the call names none.
 * @param method the HTTP method.
 * @param url the request URL without its query string (which may carry an {@code api-version}).
 * @param streaming whether the response is a server-sent event stream.
 */
public record CallInfo(String provider, String operation, String model, String method, String url, boolean streaming) {

    public CallInfo {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
    }
}
