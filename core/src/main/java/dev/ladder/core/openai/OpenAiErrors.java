package dev.ladder.core.openai;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.http.ErrorBodyParser;
import dev.ladder.core.http.ProviderError;
import java.io.IOException;
import java.util.Map;
import okio.Buffer;

/**
 * Reads the error bodies of OpenAI ({@code {"error": {"message", "type", "code"}}}) and of compatible
 * servers, which also send {@code {"error": "text"}}, {@code {"message": ...}} or {@code {"detail": ...}}.
 */
final class OpenAiErrors implements ErrorBodyParser {

    @Override
    public ProviderError parse(String body) {
        Object tree;
        try {
            tree = JsonReader.of(new Buffer().writeUtf8(body)).readJsonValue();
        } catch (IOException | RuntimeException e) {
            return ProviderError.UNKNOWN;
        }
        if (!(tree instanceof Map<?, ?> root)) {
            return ProviderError.UNKNOWN;
        }
        Object error = root.get("error");
        if (error instanceof Map<?, ?> details) {
            return new ProviderError(
                    text(details.get("message")), text(details.get("type")), text(details.get("code")));
        }
        if (error instanceof String message) {
            return new ProviderError(message, null, null);
        }
        String message = text(root.get("message"));
        return new ProviderError(message != null ? message : text(root.get("detail")), text(root.get("type")), null);
    }

    private static String text(Object value) {
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return value == null || value instanceof Map || value instanceof Iterable ? null : value.toString();
    }
}
