package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The API key is missing, wrong or revoked (HTTP 401). Not retriable: fix the key. */
public class AuthenticationException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, false);
    }
}
