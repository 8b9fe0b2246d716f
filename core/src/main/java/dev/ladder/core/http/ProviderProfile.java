package dev.ladder.core.http;

import java.util.Objects;

/**
 * What makes one provider's HTTP API different from another's, as far as the transport cares: its
 * name in messages, how the API key travels, and how its error bodies read.
 *
 * @param name the provider's name as users know it, such as {@code OpenAI} or {@code Anthropic}.
 * @param auth the header that carries the API key.
 * @param errors reads the provider's error bodies.
 * @param keyHint how a user supplies the key, named in authentication errors, such as
 *     {@code "set OPENAI_API_KEY"}.
 */
public record ProviderProfile(String name, AuthScheme auth, ErrorBodyParser errors, String keyHint) {

    public ProviderProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(keyHint, "keyHint");
    }
}
