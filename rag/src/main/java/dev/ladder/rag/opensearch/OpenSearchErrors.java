package dev.ladder.rag.opensearch;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.ConflictException;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.PermissionDeniedException;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServerException;
import dev.ladder.core.ServiceException;
import java.util.Map;

/** Maps OpenSearch's HTTP errors to core's typed exceptions, in this one place for the store. */
final class OpenSearchErrors {
    private OpenSearchErrors() {}

    static boolean retriable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    static ServiceException of(OpenSearchHttp.Reply reply) {
        String type = null;
        String reason = null;
        if (reply.body().startsWith("{")) {
            try {
                Map<String, Object> body = Json.readObject(reply.body(), "error");
                type = text(Hits.path(body, "error", "type"));
                reason = text(Hits.path(body, "error", "reason"));
            } catch (RuntimeException notJson) {
                reason = null;
            }
        }
        String message = "OpenSearch " + reply.method() + " " + reply.url() + " failed (HTTP " + reply.status()
                + (type == null ? "" : ", " + type) + ")"
                + (reason == null ? ": " + Json.abbreviate(reply.body()) : ": " + reason) + fix(reply.status());
        return create(reply, message, type);
    }

    private static ServiceException create(OpenSearchHttp.Reply reply, String message, String type) {
        int status = reply.status();
        var headers = reply.headers();
        String body = reply.body();
        String requestId = null;
        return switch (status) {
            case 401 -> new AuthenticationException(message, status, headers, body, requestId, type);
            case 403 -> new PermissionDeniedException(message, status, headers, body, requestId, type);
            case 404 -> new NotFoundException(message, status, headers, body, requestId, type);
            case 409 -> new ConflictException(message, status, headers, body, requestId, type);
            case 429 -> new RateLimitException(message, status, headers, body, requestId, type);
            default ->
                status >= 500
                        ? new ServerException(message, status, headers, body, requestId, type)
                        : new InvalidRequestException(message, status, headers, body, requestId, type);
        };
    }

    private static String fix(int status) {
        return switch (status) {
            case 401 -> ": check the basic-auth credentials or API key";
            case 403 -> ": the credentials lack a permission on this index";
            case 429 -> ": the cluster is overloaded; retry later or index in smaller batches";
            default -> "";
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
