package dev.ladder.core.http;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.ConflictException;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.PermissionDeniedException;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServerException;
import dev.ladder.core.ServiceException;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/** Maps an HTTP error response to Ladder's typed exceptions: the one place that knows status codes. */
final class ErrorMapper {
    private static final int SNIPPET = 200;

    private final ProviderProfile profile;
    private final ApiKey apiKey;

    ErrorMapper(ProviderProfile profile, ApiKey apiKey) {
        this.profile = profile;
        this.apiKey = apiKey;
    }

    /** Returns the exception for an error response with {@code status}, {@code headers} and {@code body}. */
    ServiceException map(CallInfo call, int status, Headers headers, String rawBody) {
        String body = redact(rawBody);
        ProviderError error = parse(body);
        String errorType = error.type() != null ? error.type() : error.code();
        Map<String, List<String>> headerMap = headers.toMultimap();
        String requestId = requestId(headers);
        String message = redact(describe(call, status, headers) + " (HTTP " + status
                + (errorType == null ? "" : ", " + errorType) + "): " + fix(call, status, headers) + "; "
                + said(error, body));
        return switch (status) {
            case 400, 413, 422 -> new InvalidRequestException(message, status, headerMap, body, requestId, errorType);
            case 401 -> new AuthenticationException(message, status, headerMap, body, requestId, errorType);
            case 403 -> new PermissionDeniedException(message, status, headerMap, body, requestId, errorType);
            case 404 -> new NotFoundException(message, status, headerMap, body, requestId, errorType);
            case 409 -> new ConflictException(message, status, headerMap, body, requestId, errorType);
            case 429 -> new RateLimitException(message, status, headerMap, body, requestId, errorType);
            default ->
                status == 408 || status >= 500
                        ? new ServerException(message, status, headerMap, body, requestId, errorType)
                        : new ServiceException(message, status, headerMap, body, requestId, errorType, false);
        };
    }

    private String describe(CallInfo call, int status, Headers headers) {
        String model = call.model() == null ? null : "model '" + call.model() + "'";
        String at = " at " + call.url();
        return switch (status) {
            case 400, 422 -> "invalid request" + forModel(model) + at;
            case 413 -> "request too large" + forModel(model) + at;
            case 401 -> "authentication failed" + forModel(model) + at;
            case 403 -> "permission denied" + forModel(model) + at;
            case 404 -> (model == null ? "nothing found" : model + " not found") + at;
            case 409 -> "conflict" + forModel(model) + at;
            case 429 -> "rate limited" + forModel(model) + at;
            case 408 -> "the server timed out" + forModel(model) + at;
            case 529 -> "the service is overloaded" + forModel(model) + at;
            default ->
                status >= 500 ? "server error" + forModel(model) + at : "unexpected HTTP status" + forModel(model) + at;
        };
    }

    private String fix(CallInfo call, int status, Headers headers) {
        return switch (status) {
            case 400, 422 -> "fix the request";
            case 413 -> "send less input";
            case 401 -> "check the API key (" + profile.keyHint() + ")";
            case 403 -> "check that the key's account may use this model and endpoint";
            case 404 -> call.model() == null ? "check the base URL" : "check the model name";
            case 429 -> retryAfter(headers);
            default ->
                status == 409 || status == 408 || status >= 500
                        ? "retry later"
                        : "see the " + profile.name() + " API documentation";
        };
    }

    private static String retryAfter(Headers headers) {
        String value = headers.get("retry-after");
        if (value == null) {
            return "slow down or retry later";
        }
        return "retry after " + (value.matches("\\d+") ? value + " s" : value);
    }

    private static String forModel(String model) {
        return model == null ? "" : " for " + model;
    }

    private String said(ProviderError error, String body) {
        if (error.message() != null) {
            return profile.name() + " said: " + error.message();
        }
        if (body.isBlank()) {
            return "the response body was empty";
        }
        if (looksLikeHtml(body)) {
            return "the response was an HTML page, likely from a proxy or gateway: " + snippet(body);
        }
        return "the response body was: " + snippet(body);
    }

    private ProviderError parse(String body) {
        if (body.isBlank() || looksLikeHtml(body)) {
            return ProviderError.UNKNOWN;
        }
        try {
            ProviderError error = profile.errors().parse(body);
            return error == null ? ProviderError.UNKNOWN : error;
        } catch (RuntimeException e) {
            return ProviderError.UNKNOWN;
        }
    }

    private String redact(String text) {
        return apiKey == null ? text : apiKey.redact(text);
    }

    static String requestId(Headers headers) {
        String id = headers.get("x-request-id");
        return id != null ? id : headers.get("request-id");
    }

    static boolean looksLikeHtml(String body) {
        String start = body.stripLeading();
        return start.regionMatches(true, 0, "<!doctype html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5);
    }

    /** Returns the start of {@code text} on one line, for messages. */
    static String snippet(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
    }
}
