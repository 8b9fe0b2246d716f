package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The key is valid but may not use this model or resource (HTTP 403). Not retriable. */
public class PermissionDeniedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, false);
    }
}
