package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** Too many requests or tokens for the account's limits (HTTP 429). Retriable, after the delay the provider asks for. */
public class RateLimitException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, true);
    }
}
