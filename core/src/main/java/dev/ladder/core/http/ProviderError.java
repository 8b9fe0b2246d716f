package dev.ladder.core.http;

/**
 * What a provider's error body says, as far as Ladder can read it.
 *
 * @param message the provider's explanation, or null when the body had none.
 * @param type the provider's error type, such as {@code invalid_request_error} or
 *     {@code overloaded_error}, or null.
 * @param code the provider's finer error code, such as {@code model_not_found}, or null.
 */
public record ProviderError(String message, String type, String code) {

    /** An error body that said nothing Ladder could read. */
    public static final ProviderError UNKNOWN = new ProviderError(null, null, null);
}
