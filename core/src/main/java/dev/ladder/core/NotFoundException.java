package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The model, deployment or resource does not exist at this URL (HTTP 404). Not retriable. */
public class NotFoundException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, false);
    }
}
