package dev.ladder.peft.internal;

import dev.ladder.core.http.AuthScheme;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.JsonBody;
import dev.ladder.core.http.ProviderError;
import dev.ladder.core.http.ProviderProfile;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Helpers the provider clients share on top of core's {@link HttpTransport}: provider profiles whose
 * error bodies are read the same way, JSON bodies from maps, and JSON-object responses. Internal to the
 * peft-client module. Thread-safe.
 */
public final class Wire {
    private Wire() {}

    /**
     * Returns the profile of a provider whose errors read {@code {"error": {"message", "type", "code"}}}
     * or {@code {"message": ...}}, with a bearer API key.
     */
    public static ProviderProfile profile(String name, String keyHint) {
        return new ProviderProfile(name, AuthScheme.bearer(), Wire::error, keyHint);
    }

    /** Returns a request body that writes {@code members} as a JSON object. */
    public static JsonBody body(Map<String, ?> members) {
        return writer -> writer.jsonValue(members);
    }

    /** Sends {@code call} and returns its response body as a JSON object; {@code what} names it in errors. */
    public static JsonObject object(HttpTransport transport, HttpCall call, String what) {
        return transport.execute(call, body -> parseObject(body, what));
    }

    /**
     * Returns {@code id}, a provider's id for a file or job that goes into a URL path.
     *
     * @throws IllegalArgumentException if it is blank or holds a '/', which would address another resource.
     */
    public static String id(String id, String name) {
        Objects.requireNonNull(id, name);
        if (id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException(
                    name + " '" + id + "' is not a valid id: it must be non-blank and have no '/'");
        }
        return id;
    }

    /** Sends {@code call} and returns its response body as bytes. */
    public static byte[] bytes(HttpTransport transport, HttpCall call) {
        return transport.execute(call, Buffer::readByteArray);
    }

    /**
     * Reads an epoch-seconds number or an ISO-8601 string member as an instant, or null when absent.
     *
     * @throws dev.ladder.core.MalformedResponseException if present in another form.
     */
    public static Instant instant(JsonObject json, String key) {
        Object value = json.raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        try {
            return OffsetDateTime.parse(json.string(key)).toInstant();
        } catch (DateTimeParseException e) {
            throw new dev.ladder.core.MalformedResponseException(
                    "expected a timestamp in member '" + key + "' but got: " + value, e);
        }
    }

    private static JsonObject parseObject(Buffer body, String what) throws IOException {
        Object value = Json.parse(body.readUtf8());
        if (!(value instanceof Map)) {
            throw new IOException("expected a JSON object for " + what + " but got " + Json.writeWithNulls(value));
        }
        return JsonObject.of(value, what);
    }

    private static ProviderError error(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (IOException | RuntimeException e) {
            return ProviderError.UNKNOWN;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return ProviderError.UNKNOWN;
        }
        Object inner = map.get("error");
        Map<?, ?> error = inner instanceof Map<?, ?> m ? m : map;
        Object message = inner instanceof String s ? s : error.get("message");
        return new ProviderError(text(message), text(error.get("type")), text(error.get("code")));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
