package dev.ladder.rag.opensearch;

import dev.ladder.core.http.AuthScheme;
import dev.ladder.core.http.ProviderError;
import dev.ladder.core.http.ProviderProfile;
import java.util.List;
import java.util.Map;

/**
 * Describes OpenSearch to core's transport: its name in messages, how credentials travel, and how
 * its error bodies read. Core's error mapper turns the HTTP status into the typed exception, so
 * OpenSearch's errors are mapped in the same one place as every provider's.
 */
final class OpenSearchErrors {
    static final String NAME = "OpenSearch";
    private static final String CREDENTIALS_HINT = "set basicAuth(user, password) or apiKey(key) on OpenSearchConfig";

    private OpenSearchErrors() {}

    /** Returns the profile for a cluster reached with {@code auth}, or without credentials when null. */
    static ProviderProfile profile(AuthScheme auth) {
        return new ProviderProfile(
                NAME, auth == null ? AuthScheme.bearer() : auth, OpenSearchErrors::parse, CREDENTIALS_HINT);
    }

    /**
     * Reads an OpenSearch error body: {@code {"error": {"type": ..., "reason": ...}, "status": n}},
     * or {@code {"error": "text", "status": n}} from the REST layer itself. Never throws.
     */
    static ProviderError parse(String body) {
        if (!body.stripLeading().startsWith("{")) {
            return ProviderError.UNKNOWN;
        }
        Map<String, Object> tree;
        try {
            tree = Json.readObject(body, "error body");
        } catch (RuntimeException notJson) {
            return ProviderError.UNKNOWN;
        }
        Object error = tree.get("error");
        if (error instanceof String text) {
            return new ProviderError(text, null, null);
        }
        if (error instanceof Map<?, ?> map) {
            return new ProviderError(reason(map), text(map.get("type")), null);
        }
        return ProviderError.UNKNOWN;
    }

    /** Returns the reason, followed by the cause that explains it: a nested cause or the first root cause. */
    private static String reason(Map<?, ?> error) {
        String reason = text(error.get("reason"));
        Object cause = error.get("caused_by");
        if (!(cause instanceof Map<?, ?>) && error.get("root_cause") instanceof List<?> roots) {
            cause = roots.isEmpty() ? null : roots.get(0);
        }
        if (cause instanceof Map<?, ?> map
                && map.get("reason") != null
                && !map.get("reason").equals(error.get("reason"))) {
            return reason + " (caused by " + map.get("type") + ": " + map.get("reason") + ")";
        }
        return reason;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
