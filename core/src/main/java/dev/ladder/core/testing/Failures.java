package dev.ladder.core.testing;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.CallTimeoutException;
import dev.ladder.core.CancelledException;
import dev.ladder.core.ConflictException;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.PermissionDeniedException;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServerException;
import dev.ladder.core.ServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores a failed call in a cassette and rebuilds it on replay as the same exception type with the
 * same message, status, headers, body and retriable flag. A type Ladder does not ship is replayed
 * as a {@link ReplayedException} that keeps its name and retriable flag.
 */
final class Failures {
    private Failures() {}

    static Map<String, Object> tree(LadderException error) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("type", error.getClass().getName());
        tree.put("message", error.getMessage());
        tree.put("retriable", error.retriable());
        if (error instanceof ServiceException service) {
            tree.put("status", service.status());
            tree.put("headers", new TreeMap<>(service.headers()));
            tree.put("body", service.body());
            tree.put("requestId", service.requestId());
            tree.put("errorType", service.errorType());
        }
        return tree;
    }

    static LadderException error(Map<String, Object> tree) {
        String type = Trees.string(tree, "type");
        String message = Trees.string(tree, "message");
        boolean retriable = Boolean.TRUE.equals(tree.get("retriable"));
        if (tree.containsKey("status")) {
            return serviceError(type, message, retriable, tree);
        }
        String simpleName = type.substring(type.lastIndexOf('.') + 1);
        return switch (simpleName) {
            case "CallTimeoutException" -> new CallTimeoutException(message, null);
            case "ConnectionException" -> new ConnectionException(message, null);
            case "MalformedResponseException" -> new MalformedResponseException(message);
            case "CancelledException" -> new CancelledException(message);
            case "LadderException" -> new LadderException(message);
            default -> new ReplayedException(type, message, retriable);
        };
    }

    private static ServiceException serviceError(
            String type, String message, boolean retriable, Map<String, Object> tree) {
        int status = Trees.integer(tree, "status");
        Map<String, List<String>> headers = headers(tree);
        String body = Trees.string(tree, "body");
        String requestId = Trees.string(tree, "requestId");
        String errorType = Trees.string(tree, "errorType");
        String simpleName = type.substring(type.lastIndexOf('.') + 1);
        return switch (simpleName) {
            case "AuthenticationException" ->
                new AuthenticationException(message, status, headers, body, requestId, errorType);
            case "ConflictException" -> new ConflictException(message, status, headers, body, requestId, errorType);
            case "InvalidRequestException" ->
                new InvalidRequestException(message, status, headers, body, requestId, errorType);
            case "NotFoundException" -> new NotFoundException(message, status, headers, body, requestId, errorType);
            case "PermissionDeniedException" ->
                new PermissionDeniedException(message, status, headers, body, requestId, errorType);
            case "RateLimitException" -> new RateLimitException(message, status, headers, body, requestId, errorType);
            case "ServerException" -> new ServerException(message, status, headers, body, requestId, errorType);
            default -> new ServiceException(message, status, headers, body, requestId, errorType, retriable);
        };
    }

    private static Map<String, List<String>> headers(Map<String, Object> tree) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Object value = tree.get("headers");
        if (value != null) {
            for (Map.Entry<String, Object> entry : Trees.map(value).entrySet()) {
                List<String> values = ((List<?>) entry.getValue())
                        .stream().map(String::valueOf).toList();
                headers.put(entry.getKey(), values);
            }
        }
        return headers;
    }
}
