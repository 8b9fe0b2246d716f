package dev.ladder.core;

import java.util.List;
import java.util.Map;

/** The provider failed or is overloaded (HTTP 408, 5xx, Anthropic's 529). Retriable. */
public class ServerException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ServerException(
            String message,
            int status,
            Map<String, List<String>> headers,
            String body,
            String requestId,
            String errorType) {
        super(message, status, headers, body, requestId, errorType, true);
    }
}
