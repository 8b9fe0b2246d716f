package dev.ladder.core.http;

import java.util.Objects;

/**
 * How a provider expects the API key: the header that carries it and the text before the key.
 *
 * @param header the header name, such as {@code Authorization}, {@code api-key} or {@code x-api-key}.
 * @param prefix what precedes the key in the header value, such as {@code "Bearer "}; may be empty.
 */
public record AuthScheme(String header, String prefix) {

    public AuthScheme {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(prefix, "prefix");
        if (header.isBlank()) {
            throw new IllegalArgumentException("auth header name is blank: use e.g. Authorization or x-api-key");
        }
    }

    /** Sends the key as {@code Authorization: Bearer <key>}, as OpenAI and most compatible servers expect. */
    public static AuthScheme bearer() {
        return new AuthScheme("Authorization", "Bearer ");
    }

    /** Sends the key bare in header {@code name}, as Azure ({@code api-key}) and Anthropic ({@code x-api-key}) expect. */
    public static AuthScheme header(String name) {
        return new AuthScheme(name, "");
    }
}
