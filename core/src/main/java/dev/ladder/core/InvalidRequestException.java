package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The provider rejected the request as malformed or invalid (HTTP 400, 413, 422). Not retriable: fix the request. */
public class InvalidRequestException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, false);
    }
}
