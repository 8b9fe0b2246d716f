package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The resource is busy or in a conflicting state (HTTP 409). Retriable. */
public class ConflictException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ConflictException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, true);
    }
}
