package dev.ladder.core.http;

/**
 * Reads a provider's error response body. Each provider plugs its own into {@link ProviderProfile},
 * so the transport maps every provider's errors in one place.
 *
 * <p>Implementations must be thread-safe and must not throw: a body they cannot read (HTML from a
 * proxy, truncated JSON) yields {@link ProviderError#UNKNOWN}.
 */
@FunctionalInterface
public interface ErrorBodyParser {

    /** Returns what {@code body} says, or {@link ProviderError#UNKNOWN} when it cannot be read. */
    ProviderError parse(String body);
}
