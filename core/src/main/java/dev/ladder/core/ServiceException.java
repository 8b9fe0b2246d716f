package dev.ladder.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider answered with an HTTP error. Carries the status, headers, body and request id, so a
 * caller or a support ticket has everything the provider said. Subclasses name the common cases.
 */
public class ServiceException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, List<String>> headers;
    private final String body;
    private final String requestId;
    private final String errorType;
    private final boolean retriable;

    /**
     * Creates an exception for an HTTP error response.
     *
     * @param message what failed, naming the model and URL, never the API key.
     * @param status the HTTP status code.
     * @param headers the response headers, names in lower case.
     * @param body the response body as text, possibly empty.
     * @param requestId the provider's request id header, or null.
     * @param errorType the provider's error type or code from the body, or null.
     * @param retriable whether trying again may succeed.
     */
    public ServiceException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType,
            boolean retriable) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        this.body = Objects.requireNonNull(body, "body");
        this.requestId = requestId;
        this.errorType = errorType;
        this.retriable = retriable;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The response headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** Returns the first value of header {@code name}, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The response body as text, possibly empty. */
    public String body() {
        return body;
    }

    /** The provider's request id, or null when it sent none. */
    public String requestId() {
        return requestId;
    }

    /** The provider's error type or code, such as {@code invalid_request_error}, or null. */
    public String errorType() {
        return errorType;
    }

    @Override
    public boolean retriable() {
        return retriable;
    }
}
